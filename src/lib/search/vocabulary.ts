import { foldWord } from './query-terms.ts';

/** Shorter words are left out: a suggestion for a word of three letters is a guess. */
const SHORTEST = 4;
/**
 * The most words of the running text the list keeps, the most frequent: a large archive's long tail
 * of names and one-off coinages made the list 924 KB (275 KB compressed) at 5,000 synthetic talks,
 * fetched whole by the first query that needs a suggestion. Names are kept beyond it.
 */
export const MOST_WORDS = 30_000;

const NOT_WORD = /[^\p{L}\p{M}\p{N}'’]+/u;
/** The same split for text of ASCII letters (and ’), as most transcripts are: several times faster. */
const NOT_ASCII_WORD = /[^A-Za-z0-9'’]+/;
// eslint-disable-next-line no-control-regex -- any ASCII character, controls included
const ASCII = /^[\x00-\x7f’]*$/;

/** A word of the text as a query is folded, or undefined for one left out. */
function folded(raw: string): string | undefined {
  const word = foldWord(raw.replace(/['’]s$/, ''));
  return word.length >= SHORTEST && !/\d/.test(word) ? word : undefined;
}

/**
 * How often each word occurs in the texts, as written, added to `counts`. Each distinct word is then
 * folded once: an archive of 8 million words has about a hundred thousand distinct ones. Counts of
 * parts of the texts, made apart (in other threads) and added up, are the counts of the whole.
 */
export function countWritten(texts: Iterable<string>, counts = new Map<string, number>()): Map<string, number> {
  for (const text of texts) for (const raw of text.split(ASCII.test(text) ? NOT_ASCII_WORD : NOT_WORD)) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  return counts;
}

/**
 * Counts as one string, to keep between builds: each word and its count, a line each. A word of
 * countWritten holds letters, marks, digits and apostrophes only: never a tab or a line break.
 */
export function packCounts(counts: ReadonlyMap<string, number>): string {
  // Joined, not added to a string word by word: that makes a rope of a node per word until it is flattened.
  const lines: string[] = [];
  for (const [raw, count] of counts) lines.push(`${raw}\t${count}\n`);
  return lines.join('');
}

/** Adds packed counts (packCounts) into `into`, or with `sign` -1 takes them away; a word whose count falls to nought goes. */
export function addPackedCounts(into: Map<string, number>, packed: string, sign: 1 | -1 = 1): Map<string, number> {
  for (const line of packed.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab === -1) continue;
    const raw = line.slice(0, tab);
    const count = (into.get(raw) ?? 0) + sign * Number(line.slice(tab + 1));
    if (count === 0) into.delete(raw);
    else into.set(raw, count);
  }
  return into;
}

/** The counts of all the texts, and of each one, packed (packCounts), in the order given. */
export function countEachWritten(texts: Iterable<string>): { counts: Map<string, number>; each: string[] } {
  const counts = new Map<string, number>();
  const each: string[] = [];
  for (const text of texts) {
    const own = countWritten([text]);
    addCounts(counts, own);
    each.push(packCounts(own));
  }
  return { counts, each };
}

/** Adds the counts `from` into `into`. */
export function addCounts(into: Map<string, number>, from: ReadonlyMap<string, number>): Map<string, number> {
  for (const [raw, count] of from) into.set(raw, (into.get(raw) ?? 0) + count);
  return into;
}

/**
 * The archive's words for "Did you mean …?", one a line, most frequent first, folded as a query is
 * (lower case, no accents, hyphenated words in parts). A word of the running text must occur twice to
 * be kept (which halves the file: words said once are rarely the word a reader meant), and at most
 * MOST_WORDS of them are; every word of the `names` (titles, people, events) is kept.
 */
export function vocabulary(texts: Iterable<string>, names: Iterable<string> = []): string {
  return vocabularyOf(countWritten(texts), names);
}

/** The same, from the counts of the texts' words as written (countWritten). */
export function vocabularyOf(written: ReadonlyMap<string, number>, names: Iterable<string> = []): string {
  const counts = new Map<string, number>();
  for (const [raw, count] of written) {
    const word = folded(raw);
    if (word !== undefined) counts.set(word, (counts.get(word) ?? 0) + count);
  }
  const named = new Set<string>();
  for (const name of names) {
    for (const raw of name.split(NOT_WORD)) {
      const word = folded(raw);
      if (word === undefined) continue;
      counts.set(word, Math.max(2, (counts.get(word) ?? 0) + 1));
      named.add(word);
    }
  }
  const words = [...counts]
    .filter(([, count]) => count >= 2)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .filter(([word], rank) => rank < MOST_WORDS || named.has(word))
    .map(([word]) => word);
  return `${words.join('\n')}\n`;
}
