import { describe, expect, it } from 'vitest';
import { addressParameters, fragmentId } from '../../src/lib/link-parameters.ts';
import { MAX_QUOTE, selectorFromLocation } from '../../src/lib/quotes/quote-url.ts';
import { reanchor, type PassageText } from '../../src/lib/quotes/reanchor.ts';
import { stateFromParams } from '../../src/lib/search/search-state.ts';

// What a page reads from an address anyone can make is capped where it is read, and the quote
// search is bounded, so a crafted link costs no more than the longest link the site makes.
const MEGABYTE = 'word '.repeat(200_000).trim();

/** A transcript of 60,000 words, twice the archive's longest, in 800 passages of common words and one word of their own in nine. */
const PASSAGES: PassageText[] = Array.from({ length: 800 }, (_, index) => ({
  id: `p-${index}`,
  text: Array.from({ length: 75 }, (_, word) => ['the', 'model', 'we', 'align', 'to', 'and', 'of', 'it', `w${index * 75 + word}`][word % 9]).join(' '),
}));

describe('a crafted address', () => {
  it('gives a quote link at most 1,200 characters of quote and 200 of context, and a fragment that cannot throw', () => {
    // Each part 5,000 characters, so that all three are within the 16 KB an address is read from.
    const part = MEGABYTE.slice(0, 5_000);
    const search = `?${new URLSearchParams({ quote: part, before: part, after: part })}`;
    const selector = selectorFromLocation(search, '#%E0%A4%A');
    expect(selector?.exact.length).toBe(MAX_QUOTE);
    expect([selector?.prefix.length, selector?.suffix.length]).toEqual([200, 200]);
    expect(selector?.passageId).toBe('%E0%A4%A');
    expect(fragmentId('#p-%C3%A9t%C3%A9:~:text=x')).toBe('p-été');
    expect(fragmentId(`#${'p'.repeat(100_000)}`)).toHaveLength(200);
  });

  it('is read from its first 16 KB', () => {
    expect(addressParameters(`?t=5&pad=${MEGABYTE}&quote=late`).get('quote')).toBeNull();
    expect(addressParameters(`?t=5&pad=${MEGABYTE}`).get('t')).toBe('5');
  });

  it('gives the search page at most 500 characters of query and 20 values of 200 characters a filter', () => {
    const state = stateFromParams(new URLSearchParams([['q', MEGABYTE], ...Array.from({ length: 50 }, (): [string, string] => ['speaker', MEGABYTE])]));
    expect(state.query.length).toBeLessThanOrEqual(500);
    expect(state.filters.speaker).toHaveLength(20);
    expect(state.filters.speaker?.every((value) => value.length === 200)).toBe(true);
  });

  it('costs the quote search a bounded time, even for a quote of the page’s commonest words', () => {
    const timed = (exact: string) => {
      const started = performance.now();
      const match = reanchor(PASSAGES, { passageId: 'p-1', exact, prefix: '', suffix: '' });
      return { ms: performance.now() - started, match };
    };
    // Two words found nowhere: one approximate search over the whole page, the bounded cost of a
    // search on this machine as loaded now. Searched without a bound, the first quote below took
    // over 300 ms here, several times that cost, and grows with quote words times page words.
    const reference = timed('zzq qqz').ms;
    const common = 'the model we align to and of it '.repeat(40).trim().slice(0, MAX_QUOTE);
    for (const exact of [common, 'zzq '.repeat(300).trim(), 'the '.repeat(300).trim()]) {
      const { ms, match } = timed(exact);
      expect(ms, `${exact.slice(0, 20)} (a two-word search took ${reference.toFixed(0)} ms)`).toBeLessThan(Math.max(150, 4 * reference));
      if (exact !== common) expect(match.status).toBe('missing');
    }
  });

  it('still finds a real quote with a typo, approximately', () => {
    const exact = PASSAGES[300]?.text.split(' ').slice(10, 40).join(' ').replace('align', 'allign') as string;
    expect(reanchor(PASSAGES, { passageId: 'p-300', exact, prefix: '', suffix: '' })).toMatchObject({ status: 'fuzzy', passageId: 'p-300' });
  });
});
