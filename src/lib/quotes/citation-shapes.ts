import { bibtexKey, readableDate, type CitationSource } from './citation.ts';

/**
 * Citations of different talks often differ only in words: the title, the names, the event, the
 * link. Written with markers in place of those words, many talks give the same text (their shape),
 * which need be coloured once; each talk's words then go back in place of the markers.
 *
 * That gives exactly what colouring the talk's own citation gives when every word put back is read
 * by the grammar as the marker was: a run of plain text inside one token. So only values made of
 * letters, digits, spaces and a few marks of punctuation are replaced (no Markdown or BibTeX syntax,
 * nothing HTML escapes, nothing that could open a list at the start of a line); a citation with any
 * other value is coloured as it is. tests/unit/citation-shapes.test.ts compares the two ways over the
 * archive's talks and over values chosen to be awkward.
 */

/** Markers are letters only, so that a grammar reads them as it reads a word. */
const MARKER = /qzq[a-z]+qzq/g;
const marker = (name: string) => `qzq${name}qzq`;
/** The link of every shape: a marker that reads as a URL, for the talk's whole URL to go back in its place. */
const MARKED_URL = `https://${marker('url')}/`;

/** Words with spaces and common punctuation between them, starting with a letter. */
const PLAIN_WORDS = /^\p{L}[\p{L}\p{N} ,.'’:?!–—-]*$/u;
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~-]*)*$/;
const PLAIN_KEY = /^[a-z][a-z0-9]*$/;

function plainWords(value: string): boolean {
  return PLAIN_WORDS.test(value) && !value.includes('  ') && !value.endsWith(' ') && !/qzq/i.test(value);
}

/** A citation's shape: the source with markers for its words, and what each marker stands for. */
export interface CitationShape {
  source: CitationSource;
  values: Map<string, string>;
  /** The BibTeX key of the shape's source, and the talk's own. */
  key: { marked: string; own: string };
  /** The shape's link, which reads as a link, and the talk's own. */
  url: { marked: string; own: string };
  /**
   * The date as the shape's Markdown reads, and as the talk's does: a shape is dated to the month (the
   * day is said in Markdown only; BibTeX cites the year and month), so talks of one month share it.
   */
  date?: { marked: string; own: string };
}

/** The shape of a source's citations, or undefined when one of its values is not plain enough to stand in for. */
export function citationShape(source: CitationSource): CitationShape | undefined {
  const values = new Map<string, string>();
  const stand = (name: string, value: string) => {
    values.set(marker(name), value);
    return marker(name);
  };
  const own = bibtexKey(source);
  const day = /^(\d{4}-\d{2})-\d{2}$/.exec(source.date ?? '') ? { month: source.date!.slice(0, 7), date: source.date! } : undefined;
  const words = [source.title, ...source.speakers.map(({ name }) => name), ...(source.event === undefined ? [] : [source.event])];
  if (!words.every(plainWords) || !PLAIN_URL.test(source.url) || /qzq/i.test(source.url) || !PLAIN_KEY.test(own)) return undefined;
  const marked: CitationSource = {
    ...source,
    title: stand('title', source.title),
    speakers: source.speakers.map(({ name, role }, index) => ({ name: stand(`speaker${letters(index)}`, name), role })),
    url: MARKED_URL,
    ...(source.event !== undefined && { event: stand('event', source.event) }),
    ...(day !== undefined && { date: day.month }),
  };
  return {
    source: marked,
    values,
    key: { marked: bibtexKey(marked), own },
    url: { marked: MARKED_URL, own: source.url },
    ...(day && { date: { marked: `${readableDate(day.month)}. `, own: `${readableDate(day.date)}. ` } }),
  };
}

/**
 * The talk's own citation from the coloured HTML of its shape's `code`; undefined when a marker or
 * the date was not found whole (a grammar split it), and the citation must be coloured as it is.
 */
export function fillShape(html: string, shape: CitationShape, code: string): string | undefined {
  const { values, key, url, date } = shape;
  // The date ends the Markdown citation's line of text, before the link; nothing else a shape says is a month.
  if (date && code.includes(date.marked) && !html.includes(date.marked)) return undefined;
  const withDate = date ? html.replace(date.marked, date.own) : html;
  const withKey = withDate.replaceAll(key.marked, key.own);
  const withUrl = withKey.replaceAll(url.marked, url.own);
  let whole = true;
  const filled = withUrl.replace(MARKER, (name) => {
    const value = values.get(name);
    if (value === undefined) whole = false;
    return value ?? name;
  });
  return whole && !filled.includes('qzq') ? filled : undefined;
}

/** 0 → a, 25 → z, 26 → ba: marker names stay letters. */
function letters(index: number): string {
  let name = '';
  let rest = index;
  do {
    name = String.fromCharCode(97 + (rest % 26)) + name;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return name;
}
