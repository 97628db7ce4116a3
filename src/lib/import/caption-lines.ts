/**
 * Where a new turn starts inside a caption's text, line by line: at `>>`
 * (YouTube's mark of a new speaker, unnamed) or at a speaker tag in square
 * brackets naming a known voice (`[Adam]`).
 */
import { leadingBracketLabel } from './label-text.ts';

/** `>>` opening a line of a caption: YouTube's mark that someone else speaks, without saying who. */
export const SPEAKER_CHANGE = /^\s*>>\s*/;

/** A part of a caption's text: a new turn starts it when a line opens with `>>` (unnamed) or a bracketed speaker tag (named). */
export interface CaptionPart {
  text: string;
  newTurn?: true;
  label?: string;
}

/**
 * A caption's text cut before each line that opens with `>>` or with a speaker tag in square
 * brackets naming a known voice (`[Adam]`); the mark itself is scaffolding, like a label.
 */
export function splitCaptionLines(text: string, isKnown?: (label: string) => boolean): CaptionPart[] {
  const parts: CaptionPart[] = [];
  for (const line of text.split('\n')) {
    const mark = SPEAKER_CHANGE.exec(line);
    const tag = mark ? undefined : leadingBracketLabel(line, isKnown);
    if (mark) parts.push({ text: line.slice(mark[0].length), newTurn: true });
    else if (tag) parts.push({ text: tag.rest, label: tag.label });
    else if (parts.length === 0) parts.push({ text: line });
    else (parts.at(-1) as CaptionPart).text += `\n${line}`;
  }
  return parts.filter((part, index) => index > 0 || part.newTurn || part.label !== undefined || part.text.trim() !== '' || parts.length === 1);
}
