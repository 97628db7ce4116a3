import { describe, expect, it } from 'vitest';
import { highlightTerms, passageHref, resultView, type PageHit } from '../../src/lib/search/page-results.ts';
import { paramsFromState, stateFromParams } from '../../src/lib/search/search-state.ts';
import { safeExcerpt } from '../../src/client/search/render-results.ts';

const sub = (url: string, title: string, weight: number) => ({ url, title, excerpt: `${title} said <mark>x</mark>`, weighted_locations: [{ weight }] });
const talkHit: PageHit = {
  url: '/talks/t/',
  excerpt: 'page excerpt',
  meta: { title: 'On Engines' },
  filters: { kind: ['Interview'], year: ['1843'], event: ['Workshop'], speaker: ['Ada Lovelace', 'Alan Turing'] },
  sub_results: [
    sub('/talks/t/', 'On Engines', 1),
    sub('/talks/t/#p-1', 'Alan Turing', 1),
    sub('/talks/t/#p-2', 'Ada Lovelace', 3),
    sub('/talks/t/#h-chapter', 'Chapter', 2),
    sub('/talks/t/#p-3', 'Ada Lovelace', 1),
    sub('/talks/t/#p-4', 'Alan Turing', 5),
  ],
};

describe('resultView', () => {
  it('shows a talk with its best passages first, each with its speaker', () => {
    const view = resultView(talkHit, new Set());
    expect(view?.title).toBe('On Engines');
    expect(view?.facts).toEqual(['Interview', '1843', 'Workshop']);
    expect(view?.passages.map((passage) => [passage.url, passage.speaker ?? passage.heading])).toEqual([
      ['/talks/t/#p-4', 'Alan Turing'],
      ['/talks/t/#p-2', 'Ada Lovelace'],
      ['/talks/t/#h-chapter', 'Chapter'],
    ]);
    expect(view?.morePassages.map((passage) => passage.url)).toEqual(['/talks/t/#p-1', '/talks/t/#p-3']);
  });

  it('keeps only the chosen speaker’s passages under a speaker filter', () => {
    const view = resultView(talkHit, new Set(['Ada Lovelace']));
    expect(view?.passages.map((passage) => passage.url)).toEqual(['/talks/t/#p-2', '/talks/t/#p-3']);
    expect(view?.passages.every((passage) => passage.speaker === 'Ada Lovelace')).toBe(true);
  });

  it('drops a talk in which the chosen speaker says none of the matches', () => {
    expect(resultView(talkHit, new Set(['Charles Babbage']))).toBeUndefined();
  });

  it('shows a speaker page with its type and excerpt', () => {
    const view = resultView(
      {
        url: '/speakers/ada/',
        excerpt: '<mark>Ada</mark> Lovelace',
        meta: { title: 'Ada Lovelace' },
        filters: {},
        sub_results: [sub('/speakers/ada/', 'Ada Lovelace', 1)],
      },
      new Set(),
    );
    expect(view).toMatchObject({ url: '/speakers/ada/', facts: ['Speaker'], excerpt: '<mark>Ada</mark> Lovelace', passages: [] });
  });
});

describe('search links and state', () => {
  it('links a passage with the words to highlight before the fragment', () => {
    expect(passageHref('/talks/a/#p-1', highlightTerms('"sharp left" turn'))).toBe('/talks/a/?highlight=sharp+left+turn#p-1');
    expect(passageHref('/talks/a/#p-1', [])).toBe('/talks/a/#p-1');
  });

  it('keeps query and filters in the URL and reads them back', () => {
    const state = { query: 'oversight', filters: { speaker: ['Jan Leike', 'Rob Wiblin'], year: ['2023'] } };
    const params = paramsFromState(state);
    expect(params.toString()).toBe('q=oversight&speaker=Jan+Leike&speaker=Rob+Wiblin&year=2023');
    expect(stateFromParams(params)).toEqual(state);
  });

  it('keeps only the match marks of an excerpt as markup, escaped or not', () => {
    expect(safeExcerpt('say <mark>&quot;hi&quot;</mark> &lt;script&gt;')).toBe('say <mark>&quot;hi&quot;</mark> &lt;script&gt;');
    expect(safeExcerpt('<img src=x onerror=alert(1)> <mark>word</mark>')).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>word</mark>');
  });
});
