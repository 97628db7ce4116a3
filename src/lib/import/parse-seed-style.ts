/**
 * Seed interview style: paragraphs that open with the speaker's name and no
 * colon, often in lower case ("rob wiblin hi listeners …"). The names come
 * from the talk's speakers, or are inferred: two-word openings that start
 * many paragraphs.
 */
import { parsedSource, type ParsedSource, type ParseOptions, type Segment } from './model.ts';
import { blocksOf, sourceLines, squeeze } from './text.ts';

/** Two lower- or upper-case words opening a paragraph, then a space. */
const OPENING = /^(\p{L}+ \p{L}+) /u;

export function parseSeedStyle(text: string, options: ParseOptions = {}): ParsedSource {
  const lines = sourceLines(text);
  const paragraphs = blocksOf(lines).map((block) => ({ line: block.line, text: squeeze(block.lines.join(' ')) }));
  const names = [...new Set([...(options.names ?? []), ...inferNames(paragraphs.map((paragraph) => paragraph.text))])]
    .map((name) => name.toLowerCase())
    .sort((a, b) => b.length - a.length);
  const notes: string[] = [];
  const segments: Segment[] = paragraphs.map(({ line, text: paragraph }) => {
    const lower = paragraph.toLowerCase();
    const name = names.find((candidate) => lower.startsWith(`${candidate} `));
    if (name) return { label: paragraph.slice(0, name.length), labelFromText: true, text: paragraph.slice(name.length + 1).trim(), at: { line } };
    const glued = names.find((candidate) => lower.startsWith(candidate) && /\p{L}/u.test(lower.charAt(candidate.length)));
    if (glued)
      notes.push(
        `line ${line}: the paragraph opens with "${paragraph.slice(0, glued.length + 6)}…", a name glued to the next word; it is kept as text of the turn before`,
      );
    return { text: paragraph, at: { line } };
  });
  return parsedSource({
    format: 'seed',
    layout: 'paragraphs',
    segments,
    firstLine: paragraphs[0]?.line ?? 1,
    notes,
    coverage: lines.join('\n'),
  });
}

/** Two-word openings shared by at least three paragraphs and a tenth of them: the speakers' names. */
export function inferNames(paragraphs: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    const opening = OPENING.exec(paragraph)?.[1]?.toLowerCase();
    if (opening) counts.set(opening, (counts.get(opening) ?? 0) + 1);
  }
  const needed = Math.max(3, paragraphs.length / 10);
  return [...counts].filter(([, count]) => count >= needed).map(([name]) => name);
}
