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
  // Where a long quote's last words occur, found once: a crafted link whose first words occur thousands
  // of times must not search the page once for each.
  const endsAt = end === undefined ? [] : allIndexesOf(text, end);
  const endAfter = (from: number) => rangeEnd(endsAt, from, end?.length ?? 0);
  const occurrences = allIndexesOf(text, exact).filter((at) => end === undefined || endAfter(at + exact.length) !== undefined);
  if (occurrences.length > 0) {
    const best = bestByContext(occurrences, text, exact, selector, inHome);
    const stop = end === undefined ? best + exact.length : (endAfter(best + exact.length) as number);
    return { status: inHome(best) ? 'exact' : 'moved', start: best, end: stop, passageId: passageAt(best) };
  }

  // The page's words, read once for both the approximate search and the closest passage.
  const words = wordsWithOffsets(text);
  const fuzzy = approximateWordMatch(words, exact);
  const fuzzyEnd = fuzzy && end !== undefined ? approximateWordMatch(wordsWithOffsets(text.slice(fuzzy.end, fuzzy.end + MAX_RANGE)), end) : undefined;
  if (fuzzy && (end === undefined || fuzzyEnd))
    return { status: 'fuzzy', start: fuzzy.start, end: fuzzyEnd ? fuzzy.end + fuzzyEnd.end : fuzzy.end, passageId: passageAt(fuzzy.start) };
  return { status: 'missing', start: 0, end: 0, passageId: closestPassage(passages, starts, words, end === undefined ? exact : `${exact} ${end}`) };
}

/** A long quote ends at its last words' first occurrence after its start, within this many characters. */
const MAX_RANGE = 20_000;

/** The end of the first of `endsAt` (ascending) at or after `from` and within MAX_RANGE of it. */
function rangeEnd(endsAt: readonly number[], from: number, length: number): number | undefined {
  let low = 0;
  let high = endsAt.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((endsAt[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  const at = endsAt[low];
  return at === undefined || at - from > MAX_RANGE ? undefined : at + length;
}

function allIndexesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Among repeats of the quote, the one whose surrounding words best match the link's prefix and suffix; on a tie, the one in its own passage. */
function bestByContext(occurrences: readonly number[], text: string, exact: string, selector: QuoteSelector, inHome: (at: number) => boolean): number {
  const score = (at: number) =>
    2 *
      (commonSuffix(text.slice(Math.max(0, at - 200), at).trimEnd(), selector.prefix) +
        commonPrefix(text.slice(at + exact.length).trimStart(), selector.suffix)) +
    (inHome(at) ? 1 : 0);
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
 * Most cells the approximate match computes (quote words times text words searched): a few
 * milliseconds of work. A link is made by anyone, so its cost to the reader must have a bound; a
 * quote the budget cannot place is reported missing, its closest passage marked.
 */
export const MAX_MATCH_CELLS = 3_000_000;

/**
 * Approximate substring match over words (Sellers' algorithm): the span of
 * the text with the fewest word insertions, deletions and substitutions
 * against the quote, accepted when at most a fifth of the quote's words
 * differ (at least one, so a fixed typo is always forgiven).
 *
 * Only where a match can be is searched: a span within that many edits is at
 * most m + k words long and holds at least m − k of the quote's words, so a
 * window of the text with fewer is skipped. The rest is bounded by
 * MAX_MATCH_CELLS. The search once scaled with quote words times page words, and
 * a crafted link froze the longest page for 40 seconds.
 */
function approximateWordMatch(words: readonly Word[], quote: string): { start: number; end: number } | undefined {
  const quoteWords = wordsWithOffsets(quote);
  const m = quoteWords.length;
  if (m === 0 || words.length === 0) return undefined;
  const allowed = Math.max(1, Math.floor(m / 5));
  const ids = new Map<string, number>();
  const pattern = Int32Array.from(quoteWords, ({ key }) => {
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key) as number;
  });
  // A text word the quote does not have is -1: it can only be skipped or substituted.
  const textIds = Int32Array.from(words, ({ key }) => ids.get(key) ?? -1);
  let best: { cost: number; startWord: number; endWord: number } | undefined;
  let cells = 0;
  for (const [from, to] of candidateRanges(textIds, m + allowed, m - allowed)) {
    // What the budget has room for: the whole range, its beginning, or nothing more.
    const room = Math.floor((MAX_MATCH_CELLS - cells) / m);
    if (room <= 0) break;
    const end = Math.min(to, from + room - 1);
    cells += (end - from + 1) * m;
    const found = sellers(pattern, textIds, from, end, allowed);
    if (found && (!best || found.cost < best.cost)) best = found;
    if (best?.cost === 0) break;
  }
  if (!best) return undefined;
  const first = words[best.startWord];
  const last = words[best.endWord];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/**
 * Ranges of text words [from, to] in which a match can end: each end whose preceding `width` words
 * hold at least `need` of the quote's words, widened by `width` before it to take the whole match.
 */
function candidateRanges(textIds: Int32Array, width: number, need: number): [number, number][] {
  const ranges: [number, number][] = [];
  let inWindow = 0;
  for (let end = 0; end < textIds.length; end += 1) {
    if ((textIds[end] as number) >= 0) inWindow += 1;
    if (end >= width && (textIds[end - width] as number) >= 0) inWindow -= 1;
    if (inWindow < need) continue;
    const from = Math.max(0, end - width);
    const last = ranges.at(-1);
    if (last && from <= last[1] + 1) last[1] = end;
    else ranges.push([from, end]);
  }
  return ranges;
}

/** Sellers' dynamic programme over text words [from, to]: the cheapest match ending anywhere in it, if within `allowed`. */
function sellers(
  pattern: Int32Array,
  textIds: Int32Array,
  from: number,
  to: number,
  allowed: number,
): { cost: number; startWord: number; endWord: number } | undefined {
  const m = pattern.length;
  // previous[i] = cost of matching pattern[0..i) ending at the previous text word; origin tracks where that match began.
  let previous = new Int32Array(m + 1).map((_, i) => i);
  let previousOrigin = new Int32Array(m + 1).fill(from);
  let current = new Int32Array(m + 1);
  let origin = new Int32Array(m + 1);
  let best: { cost: number; startWord: number; endWord: number } | undefined;
  for (let j = from; j <= to; j += 1) {
    const word = textIds[j] as number;
    // An empty prefix of the quote matches after this word: a match from here starts at the next one.
    current[0] = 0;
    origin[0] = j + 1;
    for (let i = 1; i <= m; i += 1) {
      const substitute = (previous[i - 1] as number) + (pattern[i - 1] === word ? 0 : 1);
      const skipText = (previous[i] as number) + 1;
      const skipPattern = (current[i - 1] as number) + 1;
      const cost = Math.min(substitute, skipText, skipPattern);
      current[i] = cost;
      origin[i] = cost === substitute ? (previousOrigin[i - 1] as number) : cost === skipText ? (previousOrigin[i] as number) : (origin[i - 1] as number);
    }
    const cost = current[m] as number;
    if (cost <= allowed && (!best || cost < best.cost)) best = { cost, startWord: origin[m] as number, endWord: j };
    [previous, current] = [current, previous];
    [previousOrigin, origin] = [origin, previousOrigin];
  }
  return best;
}

/** The passage sharing the most distinct words with the quote, from the page's words and where each passage starts. */
function closestPassage(passages: readonly PassageText[], starts: readonly number[], words: readonly Word[], quote: string): string | undefined {
  const wanted = new Set(wordsWithOffsets(quote).map((word) => word.key));
  let best: { index: number; shared: number } | undefined;
  let passage = 0;
  let shared = new Set<string>();
  const close = () => {
    if (!best || shared.size > best.shared) best = { index: passage, shared: shared.size };
  };
  for (const word of words) {
    while (passage + 1 < starts.length && (starts[passage + 1] as number) <= word.start) {
      close();
      passage += 1;
      shared = new Set();
    }
    if (wanted.has(word.key)) shared.add(word.key);
  }
  close();
  return best && best.shared > 0 ? passages[best.index]?.id : passages[0]?.id;
}
