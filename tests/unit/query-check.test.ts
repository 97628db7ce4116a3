import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkTerms, passageRanker, suggestion, termRarity, wordsNotFound } from '../../src/client/search/query-check.ts';
import type { Pagefind, PagefindResult } from '../../src/client/pagefind-types.ts';
import { foldWord, queryTerms } from '../../src/lib/search/query-terms.ts';

const PAGES = [
  { url: '/talks/a/', content: 'Interpretability research in practice is slow but it matters' },
  { url: '/talks/b/', content: 'Scalable oversight in practice needs interpretability too' },
  { url: '/talks/c/', content: 'In the beginning there was alignment' },
];

/**
 * A stand-in for Pagefind's browser API over a few pages, matching as Pagefind does: a query word finds
 * the words it starts, and when it starts none, ever shorter prefixes of it are tried (so a misspelling
 * finds "in"). Every page holding a match of every query word is a result, with the matched positions.
 */
function standIn(): Pagefind & { searched: string[] } {
  const searched: string[] = [];
  const positions = (content: string, term: string) => {
    const words = content.split(/\s+/).map(foldWord);
    for (let length = term.length; length > 0; length -= 1) {
      const prefix = term.slice(0, length);
      const everywhere = PAGES.some((page) => page.content.split(/\s+/).some((word) => foldWord(word).startsWith(prefix)));
      if (everywhere) return words.flatMap((word, index) => (word.startsWith(prefix) ? [index] : []));
    }
    return [];
  };
  return {
    searched,
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    filters: () => Promise.resolve({}),
    search(query) {
      searched.push(query ?? '');
      const terms = queryTerms(query ?? '');
      const results: PagefindResult[] = PAGES.flatMap((page) => {
        const found = terms.map((term) => positions(page.content, term));
        if (found.some((locations) => locations.length === 0)) return [];
        const locations = found.flat().sort((a, b) => a - b);
        return [
          {
            id: page.url,
            data: () => Promise.resolve({ url: page.url, excerpt: '', meta: {}, filters: {}, sub_results: [], content: page.content, locations }),
          },
        ];
      });
      return Promise.resolve({ results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} });
    },
  };
}

async function results(pagefind: Pagefind, query: string) {
  return (await pagefind.search(query))?.results ?? [];
}

afterEach(() => vi.unstubAllGlobals());

describe('checkTerms', () => {
  it('finds nothing unmatched when each word is found as itself', async () => {
    const pagefind = standIn();
    expect(await checkTerms(await results(pagefind, 'interpretability practice'), ['interpretability', 'practice'])).toEqual({
      unmatched: [],
      loose: [],
      forms: [],
    });
  });

  it('counts a word found only through a much shorter prefix as not found', async () => {
    const pagefind = standIn();
    const { unmatched } = await checkTerms(await results(pagefind, 'intrepretability'), ['intrepretability']);
    expect(unmatched).toEqual(['intrepretability']);
  });

  it('leaves every word unmatched when there are no results', async () => {
    expect(await checkTerms([], ['a', 'b'])).toEqual({ unmatched: ['a', 'b'], loose: [], forms: [] });
  });
});

describe('wordsNotFound', () => {
  it('names the words of a query that find nothing on their own', async () => {
    expect(await wordsNotFound(standIn(), ['interpretability', 'intrepretability', 'oversight'])).toEqual(['intrepretability']);
  });
});

describe('termRarity', () => {
  it('rates a word on fewer pages as rarer, and asks Pagefind once per word for the visit', async () => {
    const pagefind = standIn();
    const rarity = await termRarity(pagefind, ['scalable', 'interpretability']);
    expect(rarity.get('scalable')).toBeGreaterThan(rarity.get('interpretability') ?? Infinity);
    await termRarity(pagefind, ['scalable']);
    expect(pagefind.searched.filter((query) => query === 'scalable')).toHaveLength(1);
  });
});

describe('passageRanker', () => {
  it('scores a passage by the rare words it holds and marks them in its excerpt', async () => {
    const [hit] = await results(standIn(), 'oversight');
    const page = await (hit as PagefindResult).data();
    const rank = passageRanker(
      page,
      ['oversight', 'in'],
      new Map([
        ['oversight', 1],
        ['in', 0.1],
      ]),
    );
    const withRare = rank({ title: '', url: '/talks/b/#p-1', excerpt: '', locations: [1] });
    const withCommon = rank({ title: '', url: '/talks/b/#p-2', excerpt: '', locations: [2] });
    expect(withRare.score).toBeGreaterThan(withCommon.score);
    expect(withRare.excerpt).toContain('<mark>oversight</mark>');
  });
});

describe('suggestion', () => {
  const words = (list: string[]) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(list.join('\n')))),
    );

  it('offers the archive’s nearest word for a misspelling, when the corrected query finds something', async () => {
    words(['interpretability', 'oversight', 'alignment']);
    expect(await suggestion('/', standIn(), 'intrepretability', ['intrepretability'])).toBe('interpretability');
  });

  it('offers nothing for a word with no near word in the archive', async () => {
    expect(await suggestion('/', standIn(), 'zxqvbn', ['zxqvbn'])).toBeUndefined();
  });
});
