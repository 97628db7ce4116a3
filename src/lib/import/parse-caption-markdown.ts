/**
 * Caption Markdown (FAR.AI workshop files from curtcox/AI-Safety-YouTube):
 * YAML front matter about the video, then `## Transcript` with `[m:ss]`
 * paragraphs that follow caption timing, `### chapter` headings placed at the
 * chapter's time even mid-sentence, and speaker labels inline, mid-paragraph.
 * Entities (`&quot;`) are decoded.
 */
import { parse as parseYaml } from 'yaml';
import { LEADING_TIMESTAMP, parseTimestamp } from '../transcript/timestamp.ts';
import { splitAtInlineLabels } from './label-text.ts';
import { parsedSource, type Chapter, type ParsedSource, type ParseOptions, type Segment, type SourceFacts } from './model.ts';
import { placeChapters } from './place-chapters.ts';
import { blocksOf, decodeEntities, frontMatterOf, parseClock, sourceLines, squeeze } from './text.ts';
import { ImportError } from './import-error.ts';

const TRANSCRIPT_HEADING = /^##\s+Transcript\s*$/;
const CHAPTER_HEADING = /^###(?:[ \t]+(.*?))?[ \t]*$/;
/** YouTube's name for a chapter without a title; such a chapter gets no heading. */
const UNTITLED = /^<Untitled Chapter \d+>$/;
/** The line under `## Transcript` that says where the captions come from. */
const SOURCE_NOTE = /^_Source: (.*)_$/;

export function parseCaptionMarkdown(text: string, options: ParseOptions = {}): ParsedSource {
  const lines = sourceLines(text);
  const start = lines.findIndex((line) => TRANSCRIPT_HEADING.test(line));
  if (start === -1) throw new ImportError('expected a "## Transcript" heading followed by [m:ss] paragraphs (caption Markdown)', { place: { line: 1 } });
  const facts = factsOf(lines);
  const segments: Segment[] = [];
  const chapters: Chapter[] = [];
  const coverage: string[] = [];
  const notes: string[] = [];
  for (const block of blocksOf(lines, start + 1)) {
    const line = block.line;
    const first = block.lines[0] as string;
    const chapter = CHAPTER_HEADING.exec(first);
    if (chapter) {
      const title = decodeEntities(chapter[1] ?? '').trim();
      if (UNTITLED.test(title)) notes.push(`line ${line}: the chapter "${title}" has no title; it gets no heading`);
      else if (title === '') notes.push(`line ${line}: a chapter heading without a title; it gets no heading`);
      else chapters.push({ title, depth: 2, before: segments.length, at: { line } });
      continue;
    }
    const source = SOURCE_NOTE.exec(first);
    if (source && segments.length === 0) continue;
    const raw = squeeze(block.lines.join(' '));
    const stamp = LEADING_TIMESTAMP.exec(raw);
    coverage.push(stamp ? raw.slice(stamp[0].length) : raw);
    const body = decodeEntities(stamp ? raw.slice(stamp[0].length) : raw);
    const seconds = stamp?.[1] === undefined ? undefined : parseTimestamp(stamp[1]).seconds;
    for (const piece of splitAtInlineLabels(body, options.isKnownLabel)) {
      segments.push({
        ...(piece.label !== undefined && { label: piece.label, labelFromText: true }),
        text: piece.text,
        ...(seconds !== undefined && { start: seconds }),
        at: { line },
      });
    }
  }
  // A chapter starts when the file's list of chapters says, or else at its heading's place in the
  // source, the time of the paragraph that follows it; moving the heading to a sentence's start
  // below does not change when the chapter starts.
  const listed = chapterList(lines, start);
  for (const chapter of chapters) {
    const time = listed.get(chapter.title) ?? segments[chapter.before]?.start;
    if (time !== undefined) chapter.start = time;
  }
  placeChapters(segments, chapters, notes);
  return parsedSource({
    format: 'caption-markdown',
    layout: 'paragraphs',
    references: true,
    segments,
    chapters,
    firstLine: start + 2,
    facts,
    notes,
    coverage: coverage.join('\n'),
  });
}

/** `## Chapters` before the transcript: `- 1:32 Scalable oversight` lines, title to seconds. */
function chapterList(lines: readonly string[], transcriptLine: number): Map<string, number> {
  const times = new Map<string, number>();
  const from = lines.findIndex((line, index) => index < transcriptLine && /^##\s+Chapters\s*$/.test(line));
  if (from === -1) return times;
  for (const line of lines.slice(from + 1, transcriptLine)) {
    if (/^##\s/.test(line)) break;
    const item = /^\s*[-*]\s+((?:\d{1,2}:)?\d{1,2}:\d{2})\s+(.+?)\s*$/.exec(line);
    const seconds = item?.[1] === undefined ? undefined : parseClock(item[1]);
    if (item?.[2] !== undefined && seconds !== undefined) times.set(decodeEntities(item[2]), seconds);
  }
  return times;
}

function factsOf(lines: readonly string[]): SourceFacts {
  const frontMatter = frontMatterOf(lines);
  if (!frontMatter) return {};
  let data: unknown;
  try {
    data = parseYaml(frontMatter.yaml.join('\n'));
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const record = data as Record<string, unknown>;
  const transcript = (typeof record['transcript'] === 'object' && record['transcript'] !== null ? record['transcript'] : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const captions = transcript['source'] === 'manual' ? 'manual' : transcript['source'] === 'auto' ? 'auto' : undefined;
  const facts: SourceFacts = {};
  const [title, url, channel, language] = [text(record['title']), text(record['url']), text(record['channel']), text(transcript['language'])];
  if (title) facts.title = title;
  if (url) facts.url = url;
  if (channel) facts.channel = channel;
  if (language) facts.language = language;
  if (captions) facts.captions = captions;
  const duration = record['duration_seconds'];
  if (typeof duration === 'number' && Number.isInteger(duration) && duration > 0) facts.duration = duration;
  return facts;
}
