/**
 * Characters no text of the archive may hold: control characters other than tab and line breaks
 * (NUL, ESC, DEL, the C1 controls), a lone surrogate (half of a character, which only a YAML
 * escape such as "\uD800" can write), and U+FFFE and U+FFFF, which are no characters at all. They
 * are invisible on a page, and XML cannot carry them: one in a title made the RSS feed ill-formed.
 */
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
