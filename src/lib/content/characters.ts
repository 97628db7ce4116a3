/**
 * Characters no text of the archive may hold: control characters other than tab and line breaks
 * (NUL, ESC, DEL, the C1 controls), a lone surrogate (half of a character, which only a YAML
 * escape such as "\uD800" can write), and U+FFFE and U+FFFF, which are no characters at all. They
 * are invisible on a page, and XML cannot carry them: one in a title made the RSS feed ill-formed.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/u;

const NAMES = new Map([
  [0x00, 'NUL'],
  [0x08, 'backspace'],
  [0x0c, 'form feed'],
  [0x1b, 'ESC'],
  [0x7f, 'DEL'],
]);

/** Where a forbidden character is in a text, and what to say about it; undefined when there is none. */
export function forbiddenCharacter(text: string): { index: number; description: string } | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) as number;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES.get(code);
  const description =
    code >= 0xd800 && code <= 0xdfff
      ? `half of a character (the lone surrogate ${hex})`
      : code >= 0xfffe
        ? `the non-character ${hex}`
        : `the control character ${hex}${name ? ` (${name})` : ''}`;
  return { index: match.index, description };
}

/** The advice that ends every message about a forbidden character. */
export const FORBIDDEN_ADVICE = 'remove it: it is invisible, and neither a web page nor the RSS feed can carry it';

/**
 * Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069). In a name
 * or title one reverses or reorders whatever follows it in the same line of text wherever it is
 * shown: the page's <title>, og:title, links, the feed. Right-to-left names need none of them; the
 * marks U+200E and U+200F, which reorder nothing after them, stay allowed.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const BIDI_NAMES = new Map([
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
]);

/** Where a bidirectional control is in a text, and its name; undefined when there is none. */
export function bidiControl(text: string): { index: number; description: string } | undefined {
  const match = BIDI_CONTROL.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0) as number;
  return { index: match.index, description: `the bidirectional control U+${code.toString(16).toUpperCase()} (${BIDI_NAMES.get(code)})` };
}

/** The advice that ends every message about a bidirectional control. */
export const BIDI_ADVICE = 'remove it: it would reverse or reorder the text after it wherever this is shown (the page title, links, the feed); right-to-left text needs no control characters';
