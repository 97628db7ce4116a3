import { collapseWhitespace, type QuoteSelector } from './quote-url.ts';

/** A passage of the page as the script reads it: its id and its text. */
export interface PassageText {
  id: string;
  text: string;
}

/** Where the quote is now, in offsets of the page's passages joined by single spaces. */
export interface QuoteMatch {
  /**
   * `exact`: the quoted words are where the link says; `moved`: found
   * verbatim elsewhere (its passage changed or was split); `fuzzy`: found
   * with small differences (a corrected typo); `missing`: gone.
   */
  status: 'exact' | 'moved' | 'fuzzy' | 'missing';
  start: number;
  end: number;
  /** The passage to show: where the quote starts, or the closest passage when it is missing. */
  passageId: string | undefined;
}

/** Joined text of all passages, and where each passage starts in it. */
export function joinPassages(passages: readonly PassageText[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const passage of passages) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += collapseWhitespace(passage.text);
  }
  return { text, starts };
}

/**
 * Re-finds a quote in the page's current passages: first verbatim in its
 * own passage, then verbatim anywhere (context, then its own passage, deciding
 * between repeats), then approximately, word by word, allowing about one word in five to
 * differ. A long quote, linked by its first and last words (`end`), runs from
 * the first to the nearest last words after them. When nothing is close enough,
 * it names the passage sharing most words with the quote, so the page can say
 * the quote is gone and show that.
 */
export function reanchor(passages: readonly PassageText[], selector: QuoteSelector): QuoteMatch {
  const { text, starts } = joinPassages(passages);
  const exact = collapseWhitespace(selector.exact);
  const end = selector.end === undefined ? undefined : collapseWhitespace(selector.end);
  const passageAt = (offset: number) => passages[lastIndexAtOrBefore(starts, offset)]?.id;
  if (exact === '') return { status: 'missing', start: 0, end: 0, passageId: undefined };

  const home = passages.findIndex((passage) => passage.id === selector.passageId);
  const inHome = (at: number) => home !== -1 && at >= (starts[home] ?? 0) && at < (starts[home + 1] ?? Infinity);
  const occurrences = allIndexesOf(text, exact).filter((at) => end === undefined || endAfter(text, at + exact.length, end) !== undefined);
  if (occurrences.length > 0) {
    const best = bestByContext(occurrences, text, exact, selector, inHome);
    const stop = end === undefined ? best + exact.length : (endAfter(text, best + exact.length, end) as number);
    return { status: inHome(best) ? 'exact' : 'moved', start: best, end: stop, passageId: passageAt(best) };
  }

  const fuzzy = approximateWordMatch(text, exact);
  const fuzzyEnd = fuzzy && end !== undefined ? approximateWordMatch(text.slice(fuzzy.end, fuzzy.end + MAX_RANGE), end) : undefined;
  if (fuzzy && (end === undefined || fuzzyEnd)) return { status: 'fuzzy', start: fuzzy.start, end: fuzzyEnd ? fuzzy.end + fuzzyEnd.end : fuzzy.end, passageId: passageAt(fuzzy.start) };
  return { status: 'missing', start: 0, end: 0, passageId: closestPassage(passages, end === undefined ? exact : `${exact} ${end}`) };
}

/** A long quote ends at its last words' first occurrence after its start, within this many characters. */
const MAX_RANGE = 20_000;

function endAfter(text: string, from: number, end: string): number | undefined {
  const at = text.indexOf(end, from);
  return at === -1 || at - from > MAX_RANGE ? undefined : at + end.length;
}

function allIndexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Among repeats of the quote, the one whose surrounding words best match the link's prefix and suffix; on a tie, the one in its own passage. */
function bestByContext(occurrences: readonly number[], text: string, exact: string, selector: QuoteSelector, inHome: (at: number) => boolean): number {
  const score = (at: number) =>
    2 * (commonSuffix(text.slice(Math.max(0, at - 200), at).trimEnd(), selector.prefix) + commonPrefix(text.slice(at + exact.length).trimStart(), selector.suffix)) + (inHome(at) ? 1 : 0);
  return occurrences.reduce((best, at) => (score(at) > score(best) ? at : best));
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function commonSuffix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length]) length += 1;
  return length;
}

function lastIndexAtOrBefore(starts: readonly number[], offset: number): number {
  let index = 0;
  while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= offset) index += 1;
  return index;
}

interface Word {
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function wordsWithOffsets(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({ key: match[0].toLowerCase().replace('’', "'"), start: match.index, end: match.index + match[0].length }));
}

/**
 * Approximate substring match over words (Sellers' algorithm): the span of
 * the text with the fewest word insertions, deletions and substitutions
 * against the quote, accepted when at most a fifth of the quote's words
 * differ (at least one, so a fixed typo is always forgiven).
 */
function approximateWordMatch(text: string, quote: string): { start: number; end: number } | undefined {
  const pattern = wordsWithOffsets(quote).map((word) => word.key);
  const words = wordsWithOffsets(text);
  const m = pattern.length;
  if (m === 0 || words.length === 0) return undefined;
  const allowed = Math.max(1, Math.floor(m / 5));
  // previous[i] = cost of matching pattern[0..i) ending at the previous text word; origin tracks where that match began.
  let previous = Array.from({ length: m + 1 }, (_, i) => i);
  let previousOrigin = Array.from({ length: m + 1 }, () => 0);
  let best: { cost: number; startWord: number; endWord: number } | undefined;
  for (let j = 1; j <= words.length; j += 1) {
    const current = [0];
    const origin = [j];
    for (let i = 1; i <= m; i += 1) {
      const substitute = (previous[i - 1] ?? 0) + (pattern[i - 1] === words[j - 1]?.key ? 0 : 1);
      const skipText = (previous[i] ?? 0) + 1;
      const skipPattern = (current[i - 1] ?? 0) + 1;
      const cost = Math.min(substitute, skipText, skipPattern);
      current.push(cost);
      origin.push(cost === substitute ? (previousOrigin[i - 1] ?? 0) : cost === skipText ? (previousOrigin[i] ?? 0) : (origin[i - 1] ?? 0));
    }
    const cost = current[m] ?? Infinity;
    if (cost <= allowed && (!best || cost < best.cost)) best = { cost, startWord: origin[m] ?? 0, endWord: j - 1 };
    previous = current;
    previousOrigin = origin;
  }
  if (!best) return undefined;
  const first = words[best.startWord];
  const last = words[best.endWord];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** The passage sharing the most distinct words with the quote. */
function closestPassage(passages: readonly PassageText[], quote: string): string | undefined {
  const wanted = new Set(wordsWithOffsets(quote).map((word) => word.key));
  let best: { id: string; shared: number } | undefined;
  for (const passage of passages) {
    const shared = new Set(wordsWithOffsets(passage.text).map((word) => word.key).filter((key) => wanted.has(key))).size;
    if (!best || shared > best.shared) best = { id: passage.id, shared };
  }
  return best && best.shared > 0 ? best.id : passages[0]?.id;
}
