/** Writes blocks in the archive's transcript convention: `**Label:** [m:ss] text`, `[m:ss]` (or estimated, `[~m:ss]`) paragraphs, `## [m:ss]` chapters. */
import { escapeMarkdown } from '../escape-markdown.ts';
import type { Block } from './lay-out.ts';
import { escapeText } from './safe-markdown.ts';
import { formatClock } from './text.ts';

export function writeTranscript(blocks: readonly Block[], markup: 'plain' | 'markdown'): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'chapter') {
      const time = block.start === undefined ? '' : `[${formatClock(block.start)}] `;
      out.push(`${'#'.repeat(block.depth)} ${time}${escapeMarkdown(block.title)}`);
      continue;
    }
    block.paragraphs.forEach((paragraph, index) => {
      const label = index === 0 && !block.continued ? `**${escapeMarkdown(block.label)}:** ` : '';
      const time = paragraph.start === undefined ? '' : `[${paragraph.estimated ? '~' : ''}${formatClock(paragraph.start)}] `;
      const text = markup === 'plain' ? escapeText(paragraph.text) : paragraph.text;
      out.push(`${label}${time}${text}`);
    });
  }
  return out.join('\n\n');
}
