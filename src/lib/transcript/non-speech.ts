import Token from 'markdown-it/lib/token.mjs';

/**
 * Marks in a transcript that are not speech: editorial brackets such as
 * `[inaudible]`, `[laughs]`, `[Question about …]`, `[?]`, and the parenthesised
 * forms transcribers use for sounds, `(Inaudible)`, `(laughter)`. Kept as
 * written, shown apart from the words spoken, and counted apart by the importer.
 */
export const NON_SPEECH = /\[[^\]\n]{1,120}\]|\((?:inaudible|unintelligible|indistinct|crosstalk|laugh(?:s|ing|ter)?|chuckles?|applause|music|silence|sighs?|pause|coughs?)\b[^)\n]{0,120}\)/giu;

/** Splits the text children of an inline token so that every non-speech mark becomes a `non_speech` token. */
export function markNonSpeech(inline: Token): void {
  const children = inline.children;
  if (!children) return;
  inline.children = children.flatMap((child) => (child.type === 'text' ? splitText(child) : [child]));
}

function splitText(text: Token): Token[] {
  const parts: Token[] = [];
  let last = 0;
  for (const match of text.content.matchAll(NON_SPEECH)) {
    if (match.index > last) parts.push(textToken(text.content.slice(last, match.index)));
    const mark = new Token('non_speech', '', 0);
    mark.content = match[0];
    parts.push(mark);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return [text];
  if (last < text.content.length) parts.push(textToken(text.content.slice(last)));
  return parts;
}

function textToken(content: string): Token {
  const token = new Token('text', '', 0);
  token.content = content;
  return token;
}
