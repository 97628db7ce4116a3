import { TIMESTAMP_MARK } from './timestamp.ts';
/**
 * Word tokenisation shared by the seed conversion, the importer checks and the
 * built-site tests, so "no word lost" is measured the same way everywhere.
 * A word is a letter or digit followed by letters, marks and digits, with inner apostrophes, dots
 * and hyphens kept ("don't", "e.g", "0.15", "ai-relevant"); markup and
 * punctuation are not words.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*/gu;
/**
 * The same rule for text of ASCII characters, typographic apostrophes and hyphens only, where letters are
 * A-Z and a-z, digits 0-9, there are no marks and NFC changes nothing. It finds the same words about three
 * times faster than the Unicode rule; word counting and passage ids ran it over every transcript several
 * times per build.
 */
// eslint-disable-next-line no-control-regex -- any ASCII character, controls included
const PLAIN_TEXT = /^[\x00-\x7f’‐]*$/;
const PLAIN_WORD = /[A-Za-z0-9]+(?:['’.\-‐][A-Za-z0-9]+)*/g;

/** Whether the plain-text rule (ASCII, typographic apostrophes and hyphens) applies to a text. */
export function isPlainText(text: string): boolean {
  return PLAIN_TEXT.test(text);
}

export function words(text: string): string[] {
  if (PLAIN_TEXT.test(text)) return text.match(PLAIN_WORD) ?? [];
  return text.normalize('NFC').match(WORD) ?? [];
}

export function countWords(text: string): number {
  return words(text).length;
}

/** Words compared without regard to case or typographic apostrophes. */
export function normalizedWords(text: string): string[] {
  return words(text).map((word) => word.toLowerCase().replaceAll('’', "'"));
}

/**
 * `normalizedWords(text).join(' ')`, the key of a passage's stable id. Plain text (see `words`) is
 * lower-cased before it is split, which finds the same words (the plain rule ignores case) and
 * saves mapping each word: passage ids hash every passage of every transcript once per build.
 */
export function normalizedWordKey(text: string): string {
  if (!PLAIN_TEXT.test(text)) return normalizedWords(text).join(' ');
  return (text.toLowerCase().match(PLAIN_WORD) ?? []).join(' ').replaceAll('’', "'");
}

/**
 * Index of the first word of `needle` that is missing from `haystack` when
 * both are read in order (a subsequence check), or -1 when all are present.
 */
export function firstWordOutOfOrder(needle: readonly string[], haystack: readonly string[]): number {
  let at = 0;
  for (let index = 0; index < needle.length; index += 1) {
    const found = haystack.indexOf(needle[index] as string, at);
    if (found === -1) return index;
    at = found + 1;
  }
  return -1;
}

/** Words of a transcript body, not counting its timestamps (exact or estimated, `[~2:31]`). */
export function transcriptWordCount(body: string): number {
  return countWords(body.replace(TIMESTAMP_MARK, ' '));
}

/** Index of the first position where two word lists differ (including length), or -1 when equal. */
export function firstWordDifference(expected: readonly string[], actual: readonly string[]): number {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index += 1) {
    if (expected[index] !== actual[index]) return index;
  }
  return -1;
}
