/**
 * A quote link names a passage and the quoted words twice over: once for the
 * browser (a text fragment, `#p-id:~:text=…`, which current browsers scroll to
 * and highlight on their own), once for the page's script (query parameters
 * it can read, since browsers hide text fragments from scripts). The script
 * re-finds the quote even after the transcript was edited around it.
 */
export interface QuoteSelector {
  /** Stable id of the passage the quote starts in. */
  passageId: string;
  /** The quoted text, whitespace collapsed; for a long quote read from a link, only its first words. */
  exact: string;
  /** A long quote read from a link: its last words (the quote runs from `exact` to these). */
  end?: string;
  /** Words just before and after, only as many as it takes to tell repeated phrases apart. */
  prefix: string;
  suffix: string;
}

import { addressParameters, boundedParameter, fragmentId } from '../link-parameters.ts';

/** The longest quote a link carries; links are read with the same cap, so a crafted one costs no more. */
export const MAX_QUOTE = 1200;
/** The longest context before or after a quote that a link is read with (links carry six or seven words). */
const MAX_CONTEXT = 200;
/** A quote longer than this many words is linked by its first and last words, as a range. */
const RANGE_OVER = 10;
const RANGE_WORDS = 4;

/** Encodes a text-fragment term: `-`, `,` and `&` have meanings there and must be escaped. */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** What a link carries of a quote: the whole of a short one, the first and last words of a long one. */
export function linkedQuote(exact: string): { start: string; end?: string } {
  const words = exact.split(' ');
  if (words.length <= RANGE_OVER) return { start: exact };
  return { start: words.slice(0, RANGE_WORDS).join(' '), end: words.slice(-RANGE_WORDS).join(' ') };
}

/** The text-fragment directive for a quote; long quotes use their first and last words as a range. */
export function textDirective(selector: QuoteSelector): string {
  const { start, end } = selector.end === undefined ? linkedQuote(selector.exact) : { start: selector.exact, end: selector.end };
  const body = end === undefined ? fragmentTerm(start) : `${fragmentTerm(start)},${fragmentTerm(end)}`;
  return `:~:text=${selector.prefix ? `${fragmentTerm(selector.prefix)}-,` : ''}${body}${selector.suffix ? `,-${fragmentTerm(selector.suffix)}` : ''}`;
}

/**
 * The link, as short as finding the quote again allows: the page, the quote as query parameters (a long
 * one by its first and last words), then the passage id and the text fragment. Context words are there
 * only when the quote's words occur more than once.
 */
export function quoteUrl(pageUrl: string, selector: QuoteSelector): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  const { start, end } = linkedQuote(selector.exact);
  url.searchParams.set('quote', start);
  if (end !== undefined) url.searchParams.set('to', end);
  if (selector.prefix) url.searchParams.set('before', selector.prefix);
  if (selector.suffix) url.searchParams.set('after', selector.suffix);
  return `${url.toString()}#${selector.passageId}${textDirective(selector)}`;
}

/** Reads a quote back from a page's location (`search` and `hash`), each part capped; undefined when the URL names none. */
export function selectorFromLocation(search: string, hash: string): QuoteSelector | undefined {
  const params = addressParameters(search);
  const exact = boundedParameter(params, 'quote', MAX_QUOTE);
  if (!exact) return undefined;
  const end = boundedParameter(params, 'to', MAX_QUOTE);
  return {
    passageId: fragmentId(hash),
    exact,
    ...(end && { end }),
    prefix: boundedParameter(params, 'before', MAX_CONTEXT) ?? '',
    suffix: boundedParameter(params, 'after', MAX_CONTEXT) ?? '',
  };
}

/**
 * The fewest words before a quote (none, then one, up to `most`) that make it occur once in the page's
 * text, where it starts at `start` and ends at `end`. A long quote is found again by its first words, so
 * those are what must be unique. (A quote at the very start of the text needs none: when its words
 * occur again later, its own passage decides.)
 */
export function shortestContext(text: string, start: number, end: number, most = 6): { prefix: string; suffix: string } {
  const needle = linkedQuote(collapseWhitespace(text.slice(start, end))).start;
  const before = text
    .slice(Math.max(0, start - 300), start)
    .split(' ')
    .filter(Boolean);
  for (let words = 0; words <= Math.min(most, before.length); words += 1) {
    const prefix = before.slice(before.length - words).join(' ');
    if (occurrencesAfter(text, needle, prefix) <= 1) return { prefix, suffix: '' };
  }
  return { prefix: before.slice(-most).join(' '), suffix: '' };
}

/** How often `needle` occurs in the text right after `prefix` (anywhere, for an empty prefix). */
function occurrencesAfter(text: string, needle: string, prefix: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (prefix === '' || text.slice(0, at).trimEnd().endsWith(prefix)) count += 1;
  }
  return count;
}

/** Collapses runs of whitespace, as the page shows text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
