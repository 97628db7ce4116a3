import { foldWord } from './query-terms.ts';

/** Shorter words are left out: a suggestion for a word of three letters is a guess. */
const SHORTEST = 4;

function foldedWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{M}\p{N}'’]+/u)
    .map((raw) => foldWord(raw.replace(/['’]s$/, '')))
    .filter((word) => word.length >= SHORTEST && !/\d/.test(word));
}

/**
 * The archive's words for "Did you mean …?", one a line, most frequent first, folded as a query is
 * (lower case, no accents, hyphenated words in parts). A word of the running text must occur twice to
 * be kept (which halves the file: words said once are rarely the word a reader meant); every word of
 * the `names` (titles, people, events) is kept.
 */
export function vocabulary(texts: Iterable<string>, names: Iterable<string> = []): string {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of foldedWords(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const name of names) for (const word of foldedWords(name)) counts.set(word, Math.max(2, (counts.get(word) ?? 0) + 1));
  const words = [...counts]
    .filter(([, count]) => count >= 2)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .map(([word]) => word);
  return `${words.join('\n')}\n`;
}
