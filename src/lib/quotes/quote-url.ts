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
  /** The quoted text, whitespace collapsed. */
  exact: string;
  /** A few words before and after, to tell repeated phrases apart and to re-anchor after edits. */
  prefix: string;
  suffix: string;
}

import { addressParameters, boundedParameter, fragmentId } from '../link-parameters.ts';

/** The longest quote a link carries; links are read with the same cap, so a crafted one costs no more. */
export const MAX_QUOTE = 1200;
/** The longest context before or after a quote that a link is read with (links carry six or seven words). */
const MAX_CONTEXT = 200;

/** Encodes a text-fragment term: `-`, `,` and `&` have meanings there and must be escaped. */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** The text-fragment directive for a quote; long quotes use their first and last words as a range. */
export function textDirective({ exact, prefix, suffix }: QuoteSelector): string {
  const words = exact.split(' ');
  const body = words.length > 12 ? `${fragmentTerm(words.slice(0, 5).join(' '))},${fragmentTerm(words.slice(-5).join(' '))}` : fragmentTerm(exact);
  return `:~:text=${prefix ? `${fragmentTerm(prefix)}-,` : ''}${body}${suffix ? `,-${fragmentTerm(suffix)}` : ''}`;
}

/** The full link: the page, the quote as query parameters, then the passage id and the text fragment. */
export function quoteUrl(pageUrl: string, selector: QuoteSelector): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('quote', selector.exact.slice(0, MAX_QUOTE));
  if (selector.prefix) url.searchParams.set('before', selector.prefix);
  if (selector.suffix) url.searchParams.set('after', selector.suffix);
  return `${url.toString()}#${selector.passageId}${textDirective(selector)}`;
}

/** Reads a quote back from a page's location (`search` and `hash`), each part capped; undefined when the URL names none. */
export function selectorFromLocation(search: string, hash: string): QuoteSelector | undefined {
  const params = addressParameters(search);
  const exact = boundedParameter(params, 'quote', MAX_QUOTE);
  if (!exact) return undefined;
  return { passageId: fragmentId(hash), exact, prefix: boundedParameter(params, 'before', MAX_CONTEXT) ?? '', suffix: boundedParameter(params, 'after', MAX_CONTEXT) ?? '' };
}

/** Collapses runs of whitespace, as the page shows text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
