/**
 * Plain `Name: text` paragraphs (The Inside View): one turn per labelled
 * paragraph; a paragraph without a label continues the speaker before. In a
 * Markdown file, front matter is skipped, and the transcript starts after a
 * heading "Transcript" when there is one.
 */
import { parsedSource, type Chapter, type ParsedSource, type ParseOptions, type Segment } from './model.ts';
import { keepLevels, withTitles } from './chapters.ts';
import { leadingLabel } from './label-text.ts';
import { blocksOf, frontMatterOf, sourceLines, squeeze } from './text.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

export function parseNameColon(text: string, options: ParseOptions = {}): ParsedSource {
  const lines = sourceLines(text);
  const { from, notes } = transcriptStart(lines);
  const segments: Segment[] = [];
  const chapters: Chapter[] = [];
  const coverage: string[] = [];
  for (const block of blocksOf(lines, from)) {
    const heading = HEADING.exec(block.lines[0] as string);
    if (heading) {
      chapters.push({ title: heading[2] ?? '', depth: heading[1]?.length ?? 2, before: segments.length, at: { line: block.line } });
      if (block.lines.length === 1) continue;
    }
    const paragraph = squeeze(block.lines.slice(heading ? 1 : 0).join(' '));
    coverage.push(paragraph);
    const labelled = leadingLabel(paragraph, options.isKnownLabel);
    segments.push(
      labelled ? { label: labelled.label, labelFromText: true, text: labelled.rest, at: { line: block.line } } : { text: paragraph, at: { line: block.line } },
    );
  }
  return parsedSource({
    format: 'name-colon',
    layout: 'paragraphs',
    segments,
    chapters: keepLevels(withTitles(chapters, notes)),
    firstLine: from + 1,
    notes,
    coverage: coverage.join('\n'),
  });
}

/** Index of the first transcript line: after front matter, and after a "Transcript" heading if there is one. */
function transcriptStart(lines: readonly string[]): { from: number; notes: string[] } {
  const afterFrontMatter = frontMatterOf(lines)?.bodyFrom ?? 0;
  const heading = lines.findIndex((line, index) => index >= afterFrontMatter && /^#{1,6}\s+transcript\s*$/i.test(line));
  if (heading === -1) return { from: afterFrontMatter, notes: [] };
  return { from: heading + 1, notes: [`lines 1–${heading + 1} come before the "${lines[heading]}" heading and are not transcript; skipped`] };
}
