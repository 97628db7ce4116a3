import { matchesTerm } from './query-terms.ts';

/**
 * How well a passage answers a query, by the rare words it holds: each query word found in it counts
 * by its rarity in the archive (1 / the number of pages holding it), a repeated word a little more. So
 * for `capture the flag challenges` a passage with "capture the flag" outranks one that says "the" five
 * times, which Pagefind's raw match weight prefers.
 */
export function passageScore(located: readonly string[], terms: readonly string[], rarity: ReadonlyMap<string, number>): number {
  let score = 0;
  for (const term of terms) {
    const count = located.filter((word) => matchesTerm(term, word)).length;
    if (count > 0) score += (rarity.get(term) ?? 0) * (1 + Math.log(count));
  }
  return score;
}

/** A word's rarity from the number of pages that hold it. */
export function rarityOf(pages: number): number {
  return 1 / Math.max(1, pages);
}

/** Words in a passage's excerpt, as in Pagefind's own (excerptLength in load-pagefind.ts). */
export const EXCERPT_WORDS = 30;

/**
 * A passage's excerpt around its rarest matches: the window of words whose located words weigh most by
 * `weight` (the rarity of the query word each matches), with the located words in <mark> and the rest
 * escaped, in the shape of Pagefind's own excerpts. Pagefind centres the excerpt on the most matches of
 * any word, so for `the game of Othello` it showed "…of the game…" and not "Othello".
 */
export function rareWordExcerpt(
  words: readonly string[],
  locations: readonly number[],
  weight: (word: string) => number,
  escape: (text: string) => string,
): string {
  if (locations.length === 0) return '';
  const sorted = [...locations].sort((a, b) => a - b);
  let best = { start: sorted[0] ?? 0, score: -1 };
  for (const start of sorted) {
    const score = sorted
      .filter((location) => location >= start && location < start + EXCERPT_WORDS)
      .reduce((sum, location) => sum + weight(words[location] ?? ''), 0);
    if (score > best.score) best = { start, score };
  }
  // A few words of context before the first match, as Pagefind gives.
  const from = Math.max(0, best.start - 5);
  const marked = new Set(sorted);
  return words
    .slice(from, from + EXCERPT_WORDS)
    .map((word, index) => (marked.has(from + index) ? `<mark>${escape(word)}</mark>` : escape(word)))
    .join(' ');
}
