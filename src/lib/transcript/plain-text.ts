import type Token from 'markdown-it/lib/token.mjs';

/**
 * The text of a parsed block as plain text, for the transcript downloads: the
 * words the page shows, with no markup. It takes what the passage's own `text`
 * takes (text, code, non-speech marks; line breaks as spaces), so a download
 * holds exactly the passage's words, and adds what plain text can say of the
 * rest: a footnote reference as `[1]`, a list item's `- ` or `1. `, a quote's
 * `> `, a code block's lines. Link addresses and images are left out, as in the
 * passage's text (the Markdown download keeps them).
 */
export function blockPlainText(tokens: readonly Token[]): string {
  const lines: string[] = [];
  const lists: { ordered: boolean }[] = [];
  let quotes = 0;
  let marker = '';
  for (const token of tokens) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push({ ordered: token.type === 'ordered_list_open' });
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    else if (token.type === 'blockquote_open') quotes += 1;
    else if (token.type === 'blockquote_close') quotes -= 1;
    else if (token.type === 'list_item_open') marker = lists.at(-1)?.ordered ? `${token.info}${token.markup} ` : '- ';
    else if (token.type === 'inline' || token.type === 'fence' || token.type === 'code_block') {
      const text = token.type === 'inline' ? inlinePlainText(token.children ?? []) : token.content.replace(/\n$/, '');
      // Continuation lines of a list item line up under its text.
      const indent = '  '.repeat(Math.max(0, lists.length - 1)) + (marker || (lists.length > 0 ? '  ' : ''));
      lines.push(`${'> '.repeat(quotes)}${indent}${text}`);
      marker = '';
    }
  }
  return lines.join('\n');
}

/** An inline token's children as plain text; a hard line break stays a line break. */
export function inlinePlainText(children: readonly Token[]): string {
  return children.map(childText).join('').trim();
}

function childText(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'code_inline':
    case 'non_speech':
      return token.content;
    case 'softbreak':
      return ' ';
    case 'hardbreak':
      return '\n';
    case 'footnote_ref':
      return `[${footnoteNumber(token)}]`;
    default:
      return '';
  }
}

/** A footnote's number as the page shows it: markdown-it-footnote counts from 0. */
function footnoteNumber(token: Token): number {
  return ((token.meta as { id?: number } | null)?.id ?? 0) + 1;
}

/** Each footnote of the text as `[1] what it says`, its paragraphs on lines of their own. */
export function footnotesPlainText(tokens: readonly Token[]): string[] {
  const notes: string[] = [];
  let note: string[] | undefined;
  for (const token of tokens) {
    if (token.type === 'footnote_open') note = [`[${footnoteNumber(token)}]`];
    else if (token.type === 'inline' && note) note.push(inlinePlainText(token.children ?? []));
    else if (token.type === 'footnote_close' && note) {
      const [number, ...paragraphs] = note;
      notes.push(`${number} ${paragraphs.join('\n')}`);
      note = undefined;
    }
  }
  return notes;
}
