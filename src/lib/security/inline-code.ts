/**
 * Finds a page's inline code — script and style elements and style attributes — by scanning its
 * tags the way an HTML tokenizer does, without building a document tree: the policy pass reads every
 * page of the site, and a full parse of each was most of its time (a quarter of a minute at 1,000
 * talks). Text between tags is skipped with `indexOf`; attribute values are read whole, quoted or not,
 * so a `<` or a `style=` inside a value is never mistaken for markup; comments and the text of
 * elements whose content is raw text (script, style) or escapable text (title, textarea) are skipped
 * as a browser skips them.
 */
export interface InlineCode {
  /** Text of each <script> element without a src attribute, with its type attribute ('' when absent). */
  scripts: { type: string; text: string }[];
  /** Text of each <style> element. */
  styles: string[];
  /** Value of each style attribute. */
  styleAttributes: string[];
}

/** Elements whose content is text up to their own end tag. */
const TEXT_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// Character codes; the scanner compares codes rather than one-character strings, which keeps it fast
// whatever mix of pages it is given.
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BANG = 0x21;
const QUESTION_MARK = 0x3f;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Where a tag or attribute name ends: white space, "/" or ">" (and "=" for attribute names). */
function endsName(code: number): boolean {
  return isSpace(code) || code === SLASH || code === GREATER_THAN || Number.isNaN(code);
}

export function findInlineCode(html: string): InlineCode {
  const found: InlineCode = { scripts: [], styles: [], styleAttributes: [] };
  let lower: string | undefined;
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    const next = html.charCodeAt(open + 1);
    if (next === BANG && html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? html.length : close + 3;
    } else if (next === BANG || next === QUESTION_MARK || (next === SLASH && isAsciiLetter(html.charCodeAt(open + 2)))) {
      // Doctype, processing instruction or end tag: nothing inline in it.
      const close = html.indexOf('>', open + 2);
      at = close === -1 ? html.length : close + 1;
    } else if (!isAsciiLetter(next)) {
      at = open + 1;
    } else {
      const tag = readStartTag(html, open + 1);
      at = tag.end;
      const style = tag.attributes.get('style');
      if (style !== undefined) found.styleAttributes.push(style);
      // A slash before ">" does not close these in HTML: their text runs to the end tag all the same.
      if (!TEXT_ELEMENTS.has(tag.name)) continue;
      lower ??= html.toLowerCase();
      const endTag = lower.indexOf(`</${tag.name}`, at);
      const text = html.slice(at, endTag === -1 ? html.length : endTag);
      if (tag.name === 'script' && !tag.attributes.has('src')) found.scripts.push({ type: tag.attributes.get('type') ?? '', text });
      if (tag.name === 'style') found.styles.push(text);
      at = endTag === -1 ? html.length : endTag;
    }
  }
  return found;
}

interface StartTag {
  name: string;
  /** Attributes by lower-cased name; the first of a repeated name wins, as in browsers. */
  attributes: Map<string, string>;
  /** Index just past the tag's ">". */
  end: number;
}

function readStartTag(html: string, from: number): StartTag {
  let at = from;
  while (at < html.length && !endsName(html.charCodeAt(at))) at += 1;
  const name = html.slice(from, at).toLowerCase();
  const attributes = new Map<string, string>();
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === GREATER_THAN) return { name, attributes, end: at + 1 };
    if (isSpace(code) || code === SLASH) {
      at += 1;
      continue;
    }
    const nameStart = at;
    at += 1; // a name may start with "=", as the tokenizer allows
    while (at < html.length && !endsName(html.charCodeAt(at)) && html.charCodeAt(at) !== EQUALS) at += 1;
    const attribute = html.slice(nameStart, at).toLowerCase();
    while (at < html.length && isSpace(html.charCodeAt(at))) at += 1;
    let value = '';
    if (html.charCodeAt(at) === EQUALS) {
      at += 1;
      while (at < html.length && isSpace(html.charCodeAt(at))) at += 1;
      const quote = html.charCodeAt(at);
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        const close = html.indexOf(String.fromCharCode(quote), at + 1);
        value = html.slice(at + 1, close === -1 ? html.length : close);
        at = close === -1 ? html.length : close + 1;
      } else {
        const valueStart = at;
        while (at < html.length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== GREATER_THAN) at += 1;
        value = html.slice(valueStart, at);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, decodeAttribute(value));
  }
  return { name, attributes, end: at };
}

/** Character references in an attribute value, as the browser decodes them before hashing a style. */
function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));?/g, (whole, decimal?: string, hex?: string, named?: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named as 'amp'] ?? whole;
  });
}
