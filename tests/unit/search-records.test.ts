import { describe, expect, it } from 'vitest';
import { groupHits, highlightTerms, passageHref } from '../../src/lib/search/group-results.ts';
import { talkRecords, type TalkFacets } from '../../src/lib/search/search-records.ts';
import { paramsFromState, stateFromParams } from '../../src/lib/search/search-state.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';

const talk: TalkFacets = { url: '/talks/t/', title: 'On Engines', kind: 'Interview', dateLabel: 'July 1843', year: '1843', event: 'Workshop', topics: ['Engines'], speakers: ['Alan Turing', 'Ada Lovelace'], authors: ['Alan Turing', 'Ada Lovelace'] };
const long = (word: string) => Array.from({ length: 50 }, () => word).join(' ');
const body = `**Alan:** ${long('question')}\n\n**Ada:** ${long('answer')}\n\n${long('more')}\n\n## Chapter two\n\n**Alan:** Yes.`;
const names: Record<string, string> = { Alan: 'Alan Turing', Ada: 'Ada Lovelace' };

describe('talkRecords', () => {
  const records = talkRecords(talk, parseTranscript(body), (label) => names[label] ?? label);

  it('gives the talk itself a record with its title, billing and every speaker', () => {
    expect(records[0]).toMatchObject({ url: '/talks/t/', meta: { title: 'On Engines' }, filters: { speaker: ['Alan Turing', 'Ada Lovelace'], kind: ['Interview'], year: ['1843'] } });
    expect(records[0]?.content).toBe('On Engines. Interview by Alan Turing, Ada Lovelace. Workshop');
  });

  it('gives each passage a record at its stable id, filtered by the speaker of that passage alone', () => {
    const passages = records.filter((record) => record.url.includes('#p-'));
    expect(passages.map((record) => record.filters['speaker'])).toEqual([['Alan Turing'], ['Ada Lovelace'], ['Ada Lovelace'], ['Alan Turing']]);
    expect(passages.every((record) => Object.keys(record.meta).length === 0)).toBe(true);
    expect(passages[1]?.content).toBe(long('answer'));
  });

  it('indexes chapter headings at their own ids', () => {
    expect(records.find((record) => record.url === '/talks/t/#h-chapter-two')?.content).toBe('Chapter two');
  });
});

describe('search results', () => {
  const hit = (url: string, title?: string) => ({ url, excerpt: 'x', meta: title ? { title } : {}, filters: {} });

  it('groups passages under their talk, named from the catalogue, in rank order', () => {
    const groups = groupHits([hit('/talks/a/#p-1'), hit('/speakers/ada/', 'Ada'), hit('/talks/a/#p-2'), hit('/talks/a/', 'A')], { '/talks/a/': ['Talk A', 'Interview', 'July 1843', ''] });
    expect(groups.map((group) => [group.url, group.title, group.facts, group.passages.length, group.pageHit?.url])).toEqual([
      ['/talks/a/', 'Talk A', ['Interview', 'July 1843'], 2, '/talks/a/'],
      ['/speakers/ada/', 'Ada', ['Speaker'], 0, '/speakers/ada/'],
    ]);
  });

  it('links a passage with the words to highlight before the fragment', () => {
    expect(passageHref(hit('/talks/a/#p-1'), highlightTerms('"sharp left" turn'))).toBe('/talks/a/?highlight=sharp+left+turn#p-1');
  });

  it('keeps query and filters in the URL and reads them back', () => {
    const state = { query: 'oversight', filters: { speaker: ['Jan Leike', 'Rob Wiblin'], year: ['2023'] } };
    const params = paramsFromState(state);
    expect(params.toString()).toBe('q=oversight&speaker=Jan+Leike&speaker=Rob+Wiblin&year=2023');
    expect(stateFromParams(params)).toEqual(state);
  });
});

describe('safeExcerpt', async () => {
  const { safeExcerpt } = await import('../../src/scripts/search/render-results.ts');

  it('keeps only the match marks as markup, whether or not the excerpt arrives escaped', () => {
    expect(safeExcerpt('say <mark>&quot;hi&quot;</mark> &lt;script&gt;')).toBe('say <mark>&quot;hi&quot;</mark> &lt;script&gt;');
    expect(safeExcerpt('<img src=x onerror=alert(1)> <mark>word</mark>')).toBe('&lt;img src=x onerror=alert(1)&gt; <mark>word</mark>');
  });
});
