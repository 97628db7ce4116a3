import { describe, expect, it } from 'vitest';
import { addressParameters, fragmentId } from '../../src/lib/link-parameters.ts';
import { MAX_QUOTE, selectorFromLocation } from '../../src/lib/quotes/quote-url.ts';
import { stateFromParams } from '../../src/lib/search/search-state.ts';

// What a page reads from an address anyone can make is capped where it is read, so a crafted link
// gives the page no more to work on than the longest link the site makes.
const MEGABYTE = 'word '.repeat(200_000).trim();

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
});
