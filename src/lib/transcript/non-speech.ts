import Token from 'markdown-it/lib/token.mjs';

/**
 * Marks in a transcript that are not speech, kept as written, shown apart
 * from the words spoken and counted apart by the importer: the transcriber's
 * notes of a sound or of what could not be heard, `[inaudible]`, `[laughs]`,
 * `[Music]`, `[Bekah laughs]`, `[Inaudible until 24:57]`, `[Question about
 * …]`, `[?]`, and the parenthesised sounds `(Inaudible)`, `(laughter)`,
 * `(crosstalk)`. Other square brackets are the editor's words inside the
 * speech, `evaluat[ing]`, `[GPT-]3.5`, `[the Schwartz Reisman Institute]`:
 * text, shown in brackets and counted as words.
 */

/** Anything in square brackets, and the parenthesised sounds transcribers write: each a mark, or an editorial insertion. */
const BRACKETED =
  /\[[^\]\n]{1,120}\]|\((?:inaudible|unintelligible|indistinct|crosstalk|laugh(?:s|ing|ter)?|chuckles?|applause|music|silence|sighs?|pause|coughs?)\b[^)\n]{0,120}\)/giu;

/**
 * What a bracket holds when it is a transcriber's mark: a sound, or a note on what could not be
 * heard, as its first word (`inaudlble` is a real misspelling), perhaps after who makes the sound.
 */
const MARK_WORD =
  /^(?:inaud\w*|unintelligible|indistinct|incomprehensible|cross-?talk|overlapping|laugh\w*|chuckl\w*|giggl\w*|applau\w*|clap\w*|cheer\w*|music\w*|sings?|singing|silen\w*|pause\w*|sighs?|sighing|cough\w*|sneez\w*|noise\w*|beep\w*|bleep\w*|foreign|off-mic|unclear|blank_audio|mumbl\w*|murmur\w*|whisper\w*|groan\w*|gasp\w*|yawn\w*|exhal\w*|inhal\w*|breath\w*|sniff\w*|cries|crying|sob\w*|scream\w*|shout\w*|technical)$/;

/** `[?]`, `[??]`: a word the transcriber was unsure of; `[ __ ]`: YouTube's captions leaving a word out. */
const UNSURE = /^(?:\?+|_+)$/;

/** Whether a bracket found by BRACKETED is a mark rather than the editor's words. */
export function isNonSpeech(bracket: string): boolean {
  if (bracket.startsWith('(')) return true;
  const inner = bracket.slice(1, -1).trim();
  if (UNSURE.test(inner)) return true;
  const words = inner.split(/\s+/);
  const lower = inner.toLowerCase();
  if (/^(?:question|questions) (?:about|from|on)\b/.test(lower) || /^off mic\b/.test(lower) || /^no audio\b/.test(lower)) return true;
  // The sound's word opens the bracket, or follows who makes it: "[Bekah laughs]", "[Audience laughs]".
  for (let index = 0; index < Math.min(words.length, 4); index += 1) {
    if (MARK_WORD.test((words[index] as string).toLowerCase().replace(/[.,;:!]+$/, ''))) return true;
    if (!/^\p{Lu}/u.test(words[index] as string)) return false;
  }
  return false;
}

/** The non-speech marks of a text, in order, with where each starts. */
export function nonSpeechMarks(text: string): { index: number; text: string }[] {
  return [...text.matchAll(BRACKETED)].filter((match) => isNonSpeech(match[0])).map((match) => ({ index: match.index, text: match[0] }));
}

/** The text with each non-speech mark replaced. */
export function replaceNonSpeech(text: string, by: (mark: string) => string): string {
  return text.replace(BRACKETED, (bracket) => (isNonSpeech(bracket) ? by(bracket) : bracket));
}

/** Everything in square brackets (and the parenthesised sounds), marks and editorial insertions alike. */
export function bracketed(text: string): { index: number; text: string }[] {
  return [...text.matchAll(BRACKETED)].map((match) => ({ index: match.index, text: match[0] }));
}

/** Splits the text children of an inline token so that every non-speech mark becomes a `non_speech` token. */
export function markNonSpeech(inline: Token): void {
  const children = inline.children;
  if (!children) return;
  inline.children = children.flatMap((child) => (child.type === 'text' ? splitText(child) : [child]));
}

function splitText(text: Token): Token[] {
  const parts: Token[] = [];
  let last = 0;
  for (const match of nonSpeechMarks(text.content)) {
    if (match.index > last) parts.push(textToken(text.content.slice(last, match.index)));
    const mark = new Token('non_speech', '', 0);
    mark.content = match.text;
    parts.push(mark);
    last = match.index + match.text.length;
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
