/**
 * Whether a word found by Pagefind is a real match for a query word. Pagefind, finding no indexed word
 * that a query word starts, falls back to ever shorter prefixes of it, so `intrepretability` finds every
 * "in". A located word counts only if it starts with more than half of the query word: room for an
 * ending that stemming drops ("optimization" finds "optimize", "alignment" finds "aligned"), none for a
 * prefix much shorter than the word ("bengio" finding "Ben"). A short word may lose one letter at most,
 * and a located word that is only the start of the query word must miss at most two of its letters
 * ("models" finds "model"; "backdor" does not find "back").
 */

/** The lower-case letters and digits of a word, without accents: how query and text words are compared. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The words of a query as compared with the text: quotes and operators gone, hyphenated words in parts. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/[\s\-‐–—/]+/)
        .map(foldWord)
        .filter((term) => term !== ''),
    ),
  ];
}

/** How many letters of a query word a located word must share, from the start. */
function needed(term: string): number {
  if (term.length <= 3) return term.length;
  return term.length <= 5 ? term.length - 1 : Math.ceil(term.length * 0.55);
}

function sharedStart(a: string, b: string): number {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index += 1;
  return index;
}

/** Whether a word of the text (as written, with any hyphens) is a real match for a query term. */
export function matchesTerm(term: string, word: string, letters = needed(term)): boolean {
  const parts = word.split(/[-‐–—/]+/).map(foldWord);
  return [foldWord(word), ...parts].some((part) => {
    const shared = sharedStart(term, part);
    const cutShort = shared === part.length && part.length <= term.length - 3;
    return shared >= letters && !cutShort;
  });
}

/** A page as Pagefind returns it: its text, and the word positions the query matched. */
export interface LocatedText {
  content: string;
  locations: readonly number[];
}

/** The words at the given positions of a Pagefind page's text (Pagefind counts words between spaces). */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const words = content.split(/\s+/);
  return locations.flatMap((location) => words[location] ?? []);
}

/** Whether a located word is only the start of the query word, and much shorter: Pagefind's fallback at work. */
function cutShort(term: string, word: string): boolean {
  const folded = foldWord(word);
  return folded.length <= term.length - 3 && term.startsWith(folded);
}

/**
 * The query terms that these pages do not really match: Pagefind found them only through a much shorter
 * prefix. A term found whole (or extended) is matched; one found only in near forms is matched unless a
 * much shorter prefix shows among them, the sign that Pagefind fell back ("backdor" finding "back" and
 * "backdoor"). Pagefind ranks a page with the word itself first, so the first few pages decide.
 */
export function unmatchedTerms(terms: readonly string[], pages: readonly LocatedText[]): string[] {
  const found = pages.flatMap((page) => wordsAt(page.content, page.locations));
  return terms.filter((term) => {
    if (found.some((word) => matchesTerm(term, word, term.length))) return false;
    return !found.some((word) => matchesTerm(term, word)) || found.some((word) => cutShort(term, word));
  });
}

/** The located words (folded) that match a term: what Pagefind found for it. */
export function foundForms(term: string, pages: readonly LocatedText[]): string[] {
  return [
    ...new Set(
      pages
        .flatMap((page) => wordsAt(page.content, page.locations))
        .filter((word) => matchesTerm(term, word))
        .map(foldWord),
    ),
  ];
}

/** The query terms matched, but no located word holds the whole term: a misspelling Pagefind forgave, or another form of the word. */
export function looseTerms(terms: readonly string[], pages: readonly LocatedText[]): string[] {
  const found = pages.flatMap((page) => wordsAt(page.content, page.locations));
  return terms.filter((term) => !found.some((word) => matchesTerm(term, word, term.length)));
}
