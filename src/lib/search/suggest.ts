/**
 * "Did you mean …?": the archive's word nearest a misspelt one. The vocabulary is the archive's own words,
 * most frequent first (written at build time, src/pages/search-words.txt.ts), so a tie goes to the more
 * common word.
 */

/** Edits allowed for a word of this length: one in a short word, up to three in a long one. */
function allowedEdits(length: number): number {
  if (length <= 4) return 1;
  return length <= 8 ? 2 : 3;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment), or max + 1 once past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] ?? max + 1;
}

/** The vocabulary's word nearest `term` within the edits allowed for its length (the term itself when the vocabulary has it), or undefined. */
export function nearestWord(term: string, vocabulary: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  const max = allowedEdits(term.length);
  for (const word of vocabulary) {
    if (word === term) return term;
    const distance = editDistance(term, word, best ? best.distance - 1 : max);
    if (distance <= (best ? best.distance - 1 : max)) best = { word, distance };
  }
  return best?.word;
}

/** The vocabulary leaves out words shorter than this (vocabulary.ts): they are kept as typed. */
const SHORTEST = 4;

/**
 * The query with each doubtful word replaced by the archive's nearest word, or undefined when a doubtful
 * word has no near word or nothing would change. Words shorter than the vocabulary's are kept as typed.
 */
export function correctedQuery(query: string, doubtful: readonly string[], vocabulary: readonly string[], fold: (word: string) => string): string | undefined {
  const replacements = new Map<string, string>();
  for (const term of doubtful) {
    if (term.length < SHORTEST) continue;
    const word = nearestWord(term, vocabulary);
    if (!word) return undefined;
    if (word !== term) replacements.set(term, word);
  }
  if (replacements.size === 0) return undefined;
  return query.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => replacements.get(fold(word)) ?? word);
}
