/** Footnotes for seeds 002 and 003, whose markers are `[1]` in the text and whose notes follow it. */
import { escapeMarkdown } from '../../src/lib/escape-markdown.ts';

/** The seeds mark footnotes as `[1]`; after escaping they read `\[1\]`. */
const ESCAPED_FOOTNOTE_MARKER = /\\\[(\d+)\\\]/g;

/** Turns the markers into footnote references and appends the notes as definitions, numbered in order. */
export function withFootnotes(markdown: string, notes: readonly string[]): string {
  const numbers = [...markdown.matchAll(ESCAPED_FOOTNOTE_MARKER)].map((match) => Number(match[1]));
  const expected = notes.map((_, index) => index + 1);
  if (numbers.join() !== expected.join()) throw new Error(`expected footnote markers ${expected.join(', ')} in order, found ${numbers.join(', ')}`);
  const definitions = notes.map((note, index) => `[^${index + 1}]: ${escapeMarkdown(note.trim())}`);
  return [markdown.replace(ESCAPED_FOOTNOTE_MARKER, '[^$1]'), ...definitions].join('\n\n');
}
