/**
 * Finding speaker labels in running text: `Name: text` at the start of a
 * paragraph or cue, and labels inside a paragraph of captions
 * (`… thanks. Audience member: [Inaudible] Jason Wei: Okay.`).
 */
import { anonymousVoice } from '../transcript/speaker-labels.ts';
import { squeeze } from './text.ts';

/** Name particles that may be written in lower case inside a name. */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'la', 'le', 'bin', 'al', 'ibn']);
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** One to four words, each capitalised (name particles aside): "Jan Leike", "Presenter", "Alexander Madre". */
export function looksLikeName(label: string): boolean {
  const words = label.split(' ');
  if (words.length > 4 || label.endsWith('.')) return false;
  return words.every((word, index) => NAME_WORD.test(word) || (index > 0 && PARTICLES.has(word)));
}

/** `Q:` and `A:`, an interview convention: a question (from the audience or the host) and the answer. */
export function qaConvention(label: string): 'question' | 'answer' | undefined {
  return label === 'Q' ? 'question' : label === 'A' ? 'answer' : undefined;
}

/**
 * A label is a known name, an anonymous voice ("Audience member"), `Q` or `A`, or something
 * shaped like a full name. A single capitalised word before a colon is as often a sentence's
 * first word ("… yet. Two: these settings …") as a person, so it is a label only when it names
 * one of the talk's speakers or voices; told nothing of the talk, the shape decides.
 */
export function isLabel(label: string, isKnown?: (label: string) => boolean): boolean {
  if (isKnown?.(label) === true || anonymousVoice(label) !== undefined || qaConvention(label) !== undefined) return true;
  return looksLikeName(label) && (label.includes(' ') || isKnown === undefined);
}

/**
 * Single capitalised words before a colon that the talk does not know, opening the text (or, with
 * `inside`, any sentence of it): not taken for labels, but the curator may know better (a misspelt
 * name, a first name).
 */
export function unknownSingleLabels(text: string, isKnown: (label: string) => boolean, { inside = false } = {}): string[] {
  const found: string[] = [];
  const pattern = inside ? /(?:^|(?<=[.?!…\])"”’]\s+|\p{L}[-–—]\s+))(\p{Lu}[\p{L}\p{M}'’-]*):(?=\s|$)/gu : /^(\p{Lu}[\p{L}\p{M}'’-]*):(?=\s|$)/gu;
  for (const match of text.matchAll(pattern)) {
    const word = match[1] as string;
    if (!isLabel(word, isKnown)) found.push(word);
  }
  return found;
}

/** `Name: text` at the very start of the text: the label and what follows it. */
export function leadingLabel(text: string, isKnown?: (label: string) => boolean): { label: string; rest: string } | undefined {
  const match = /^([^\s:][^:\n]{0,58}?)[ \t]*:(?:\s+|$)/u.exec(text);
  if (!match?.[1]) return undefined;
  const label = squeeze(match[1]);
  if (!isLabel(label, isKnown)) return undefined;
  return { label, rest: text.slice(match[0].length) };
}

/**
 * Up to four words that end right before a colon, preceded by the start of the text, the end of a
 * sentence, or a word cut off with a dash (`… like- Paul Christiano: Which I encourage.`).
 */
const LABEL_BEFORE_COLON = /(?:^|(?<=[.?!…\])"”’]\s+|\p{L}[-–—]\s+))([^\s.?!,;:"“”()[\]]+(?: [^\s.?!,;:"“”()[\]]+){0,3})$/u;

/** A piece of a paragraph: the label that opens it, if any, and its text. */
export interface LabelledPiece {
  label?: string;
  text: string;
}

/**
 * Cuts a paragraph at every label it holds. A label is one to four words
 * followed by a colon and a space, opening the paragraph or a sentence or
 * following a cut-off word, that are a known name, an anonymous voice or
 * shaped like a name; "And finally:" or "Or with DNA:" are not labels. A
 * speaker tag in square brackets (`[Adam]`, `[audience member]`) is a label
 * too, where it names a known voice (see bracketLabel).
 */
export function splitAtInlineLabels(text: string, isKnown?: (label: string) => boolean): LabelledPiece[] {
  const pieces: LabelledPiece[] = [];
  let pieceStart = 0;
  let label: string | undefined;
  const cut = (labelStart: number, next: string, end: number) => {
    const previous = text.slice(pieceStart, labelStart).trim();
    if (previous !== '' || label !== undefined) pieces.push({ ...(label !== undefined && { label }), text: previous });
    label = next;
    pieceStart = end;
  };
  // A tag where a label could stand: opening the paragraph or a sentence (within a sentence a bracketed name is the editor's).
  for (const found of text.matchAll(/:(?=\s|$)|(?<=^|[.?!…\])"”’]\s+)\[([^\]\n]{1,40})\](?=\s|$)/gu)) {
    if (found[0].startsWith('[')) {
      const tag = bracketLabel(found[0], isKnown);
      if (tag) cut(found.index, tag, found.index + found[0].length);
      continue;
    }
    const match = LABEL_BEFORE_COLON.exec(text.slice(pieceStart, found.index));
    if (!match?.[1] || !isLabel(match[1], isKnown)) continue;
    cut(pieceStart + match.index, match[1], found.index + 1);
  }
  const rest = text.slice(pieceStart).trim();
  if (rest !== '' || label !== undefined || pieces.length === 0) pieces.push({ ...(label !== undefined && { label }), text: rest });
  return pieces;
}

/**
 * A speaker tag in square brackets, as some captions open a line with to say who speaks: `[Adam]`,
 * `[Dawn]`, `[audience member]`. Only where the bracket names one of the talk's speakers (name,
 * alias or first name) or voices, or an anonymous voice: any other bracket is a mark (`[Music]`).
 */
export function bracketLabel(tag: string, isKnown?: (label: string) => boolean): string | undefined {
  const inner = /^\[\s*([^\]\n]{1,40}?)\s*\]$/.exec(tag)?.[1];
  if (inner === undefined) return undefined;
  return isKnown?.(inner) === true || anonymousVoice(inner) !== undefined ? inner : undefined;
}

/** A caption line that opens with a speaker tag in square brackets: the label and what follows it. */
export function leadingBracketLabel(line: string, isKnown?: (label: string) => boolean): { label: string; rest: string } | undefined {
  const match = /^\s*(\[[^\]\n]{1,40}\])(?:\s+|$)/.exec(line);
  const label = match?.[1] === undefined ? undefined : bracketLabel(match[1], isKnown);
  return label === undefined || !match ? undefined : { label, rest: line.slice(match[0].length) };
}

/**
 * Labels of known voices left in running text: a colon after one to four capitalised words that
 * name one of the talk's speakers or voices, or an anonymous voice. Each is a turn the reader missed.
 */
export function labelsInText(text: string, isKnown: (label: string) => boolean): string[] {
  const found: string[] = [];
  for (const colon of text.matchAll(/:(?=\s|$)/g)) {
    const words = text
      .slice(Math.max(0, colon.index - 80), colon.index)
      .split(/\s+/)
      .slice(-4);
    for (let count = Math.min(4, words.length); count >= 1; count -= 1) {
      const label = words.slice(-count).join(' ');
      if (looksLikeName(label) && (isKnown(label) || anonymousVoice(label) !== undefined)) {
        found.push(label);
        break;
      }
    }
  }
  return found;
}
