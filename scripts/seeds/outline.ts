/**
 * Seeds 002 and 003 run their headings into the text. An outline names, in
 * order, where each heading, paragraph or list item begins; each must occur
 * exactly once.
 */
import { escapeMarkdown } from '../../src/lib/escape-markdown.ts';
import { assertAscending, indexOfOnly } from './text-checks.ts';

export type Mark =
  | { kind: 'heading'; depth: 2 | 3; text: string }
  /** `text` is what the paragraph begins with. */
  | { kind: 'paragraph'; text: string }
  /** A list item whose lead-in `text` is set in bold. */
  | { kind: 'item'; text: string };

export const heading = (text: string, depth: 2 | 3 = 2): Mark => ({ kind: 'heading', depth, text });
export const paragraph = (text: string): Mark => ({ kind: 'paragraph', text });
export const item = (text: string): Mark => ({ kind: 'item', text });

/** Cuts the text where each mark begins and renders the pieces as Markdown blocks. */
export function outlineToMarkdown(text: string, marks: readonly Mark[]): string {
  const starts = marks.map((mark) => indexOfOnly(text, mark.text));
  assertAscending(starts, 'outline marks');
  const opening = text.slice(0, starts[0] ?? text.length).trim();
  const blocks = opening === '' ? [] : [escapeMarkdown(opening)];
  marks.forEach((mark, index) => {
    const piece = text.slice(starts[index], starts[index + 1] ?? text.length).trim();
    blocks.push(...markBlocks(mark, piece));
  });
  return blocks.join('\n\n');
}

function markBlocks(mark: Mark, piece: string): string[] {
  const rest = piece.slice(mark.text.length).trim();
  switch (mark.kind) {
    case 'heading':
      return [`${'#'.repeat(mark.depth)} ${escapeMarkdown(mark.text)}`, ...(rest === '' ? [] : [escapeMarkdown(rest)])];
    case 'paragraph':
      return [escapeMarkdown(piece)];
    case 'item':
      return [`- **${escapeMarkdown(mark.text)}** ${escapeMarkdown(rest)}`];
  }
}
