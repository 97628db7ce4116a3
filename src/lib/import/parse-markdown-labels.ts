/**
 * Markdown with bold labels (AXRP): `**Daniel Filan:**` on its own line or
 * before the text, `**Daniel Filan** (00:09):` with a timestamp, and
 * paragraphs that open with only `(00:29):`, continuing the speaker. The
 * archive's own convention reads too: `**Jan Leike:** [0:04]` and a paragraph
 * opening with `[0:56]`, as the transcript parser takes them. The
 * transcript starts at the first label; headings are chapters (their HTML
 * anchors dropped). Emphasis and web links are kept.
 */
import type Token from 'markdown-it/lib/token.mjs';
import { keepLevels, withTitles } from './chapters.ts';
import { createSourceMarkdown, inlineToMarkdown, inlineToText } from './safe-markdown.ts';
import { parsedSource, type Chapter, type ParsedSource, type Segment } from './model.ts';
import { parseClock, sourceLines, squeeze } from './text.ts';
import { topLevelBlocks } from '../transcript/parse-transcript.ts';
import { LEADING_TIMESTAMP, parseTimestamp, type Timestamp } from '../transcript/timestamp.ts';

/** `(00:09):` or `(1:02:03):`, as AXRP writes timestamps. */
const PAREN_TIME = /^\s*\((\d{1,2}:\d{2}(?::\d{2})?)\):\s*/;

export function parseMarkdownLabels(text: string): ParsedSource {
  const lines = sourceLines(text);
  const tokens = createSourceMarkdown().parse(lines.join('\n'), {});
  const reading: Reading = { segments: [], chapters: [], leading: [] };
  for (const { open, line, tokens: block } of topLevelBlocks(tokens)) {
    const inline = block.filter((token) => token.type === 'inline');
    if (open.type === 'heading_open') readHeading(reading, open, line, inline);
    else readBlock(reading, open, line, inline);
  }
  const { segments, chapters, firstLine } = reading;
  const from = (firstLine ?? 1) - 1;
  const notes = from > 0 ? [`lines 1–${from} come before the first label (front matter, links, summary, list of topics) and are not transcript; skipped`] : [];
  return parsedSource({
    format: 'markdown-labels',
    layout: 'paragraphs',
    markup: 'markdown',
    references: true,
    segments,
    chapters: keepLevels(withTitles(chapters, notes)),
    firstLine: firstLine ?? 1,
    notes,
    coverage: coverageOf(lines.slice(from)),
  });
}

/** The transcript as read so far, block by block. */
interface Reading {
  segments: Segment[];
  chapters: Chapter[];
  /** Where the transcript starts: its first label, or the `#` headings right before it; undefined until one is found. */
  firstLine?: number;
  /** A label alone on its line, waiting for the paragraph it opens. */
  pendingLabel?: Opening | undefined;
  /** `#` headings with nothing between them and the first label open the transcript's first chapter. */
  leading: Chapter[];
}

/** A heading is a chapter; before the first label, one of the `#` headings that may open the transcript. */
function readHeading(reading: Reading, open: Token, line: number, inline: readonly Token[]): void {
  const heading = squeeze(inlineToText(inline[0]?.children ?? []));
  // The archive's own convention gives a chapter the time it starts: `## [1:32] Scalable oversight`.
  const time = LEADING_TIMESTAMP.exec(heading);
  const title = time ? heading.slice(time[0].length) : heading;
  const chapter: Chapter = {
    title,
    depth: Number(open.tag.slice(1)),
    before: reading.segments.length,
    ...(time?.[1] !== undefined && { start: parseTimestamp(time[1]).seconds }),
    at: { line },
  };
  // Before the transcript, only `#` headings: front matter over a `---` line reads as an underlined one.
  if (reading.firstLine !== undefined) reading.chapters.push(chapter);
  else if (open.markup.startsWith('#')) reading.leading.push(chapter);
  else reading.leading = [];
}

/** Any other block is a segment, with the label and time that open it; before the first label, it is not transcript. */
function readBlock(reading: Reading, open: Token, line: number, inline: readonly Token[]): void {
  const children = inline.flatMap((token, index) => [...(index > 0 ? [softbreak()] : []), ...(token.children ?? [])]);
  // A paragraph of links within the page ("[⬆](#contents)", "[Back to top](#top)") is navigation: no transcript, no preamble.
  if (open.type === 'paragraph_open' && isNavigation(children)) return;
  const opening = open.type === 'paragraph_open' ? takeOpening(children) : {};
  if (reading.firstLine === undefined) {
    if (opening.label === undefined) {
      reading.leading = [];
      return;
    }
    reading.firstLine = reading.leading[0]?.at.line ?? line;
    reading.chapters.push(...reading.leading);
  }
  const textMarkdown = inlineToMarkdown(children);
  // A label alone on its line with the text in the next paragraph: the label opens the next segment.
  if (textMarkdown === '' && opening.label !== undefined) {
    reading.pendingLabel = opening;
    return;
  }
  const { pendingLabel } = reading;
  const labelled = opening.label ?? pendingLabel?.label;
  const start = opening.start ?? pendingLabel?.start;
  const estimated = opening.estimated ?? (opening.start === undefined ? pendingLabel?.estimated : undefined);
  reading.pendingLabel = undefined;
  reading.segments.push({
    ...(labelled !== undefined && { label: labelled }),
    text: textMarkdown,
    ...(start !== undefined && { start, ...(estimated && { estimated }) }),
    at: { line },
  });
}

/** What opens a paragraph: a label, a time, and whether the time is marked as an estimate (`[~2:31]`). */
interface Opening {
  label?: string;
  start?: number;
  estimated?: true;
}

/**
 * Removes an opening `**Label:**`, `**Label**:`, `**Label** (00:09):`, a
 * bare `(00:29):`, and a `[0:04]` (or `[~0:04]`) after the label or opening
 * the paragraph from the paragraph's inline tokens, returning what it found.
 */
function takeOpening(children: Token[]): Opening {
  while (children[0]?.type === 'text' && children[0].content === '') children.shift();
  const [open, inner, close, after] = children;
  if (open?.type === 'strong_open' && inner?.type === 'text' && close?.type === 'strong_close') {
    const innerText = inner.content.trim();
    if (innerText.endsWith(':') && innerText.length > 1) {
      children.splice(0, 3);
      return withStart({ label: innerText.slice(0, -1).trim() }, takeTimestamp(children));
    }
    if (after?.type === 'text') {
      const time = PAREN_TIME.exec(after.content);
      if (after.content.startsWith(':') || time) {
        children.splice(0, 3);
        const start = time?.[1] === undefined ? undefined : parseClock(time[1]);
        after.content = time ? after.content.slice(time[0].length) : after.content.slice(1);
        return withStart({ label: innerText }, start ?? takeTimestamp(children));
      }
    }
    return {};
  }
  if (open?.type === 'text') {
    const time = PAREN_TIME.exec(open.content);
    if (time?.[1]) {
      open.content = open.content.slice(time[0].length);
      return withStart({}, parseClock(time[1]));
    }
    return withStart({}, takeTimestamp(children));
  }
  return {};
}

function withStart(opening: { label?: string }, start: number | Timestamp | undefined): Opening {
  if (start === undefined) return opening;
  if (typeof start === 'number') return { ...opening, start };
  return { ...opening, start: start.seconds, ...(start.estimated && { estimated: true }) };
}

/** A `[0:04]` or `[~0:04]` (the archive's convention) opening the text that is left, taken out. */
function takeTimestamp(children: Token[]): Timestamp | undefined {
  const first = children[0];
  if (first?.type !== 'text') return undefined;
  const text = first.content.replace(/^[ \t]+/, '');
  const match = LEADING_TIMESTAMP.exec(text);
  if (!match?.[1]) return undefined;
  first.content = text.slice(match[0].length);
  return parseTimestamp(match[1]);
}

/** Inline tokens that are only links to places in the page, and spaces between them. */
function isNavigation(children: readonly Token[]): boolean {
  let links = 0;
  let depth = 0;
  for (const token of children) {
    if (token.type === 'link_open') {
      if (depth === 0 && !(token.attrGet('href') ?? '').startsWith('#')) return false;
      if (depth === 0) links += 1;
    }
    depth += token.type === 'link_open' ? 1 : token.type === 'link_close' ? -1 : 0;
    if (depth === 0 && token.type !== 'link_close' && token.type !== 'softbreak' && !(token.type === 'text' && token.content.trim() === '')) return false;
  }
  return links > 0;
}

function softbreak(): Token {
  return { type: 'softbreak', content: '' } as Token;
}

/** `[0:04]` or `[~0:04]` opening a paragraph, or right after the bold label that opens it. */
const OPENING_TIMESTAMP = /^(\s*(?:\*\*[^*\n]+?(?::\*\*|\*\*[ \t]*:))?[ \t]*)\[~?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]/;

/** A line of nothing but links within the page, or one such link without words: the post's navigation. */
const NAVIGATION_LINE = /^\s*(?:\[[^\]\n]*\]\(#[^)\s]*\)\s*)+$/;
const NAVIGATION_LINK = /\[[^\]\p{L}\p{N}\n]*\]\(#[^)\s]*\)/gu;

/** The transcript's words without headings, tags, link targets, navigation and timestamps, found by plain text rules. */
function coverageOf(lines: readonly string[]): string {
  const heading = (line: string | undefined) => line !== undefined && /^#{1,6}\s/.test(line);
  return (
    lines
      .map((line) => (NAVIGATION_LINE.test(line) ? '' : line.replace(NAVIGATION_LINK, ' ')))
      // A timestamp is taken only where a paragraph opens (first, after a blank line or a heading), as the transcript parser does.
      .map((line, index) => (index === 0 || lines[index - 1]?.trim() === '' || heading(lines[index - 1]) ? line.replace(OPENING_TIMESTAMP, '$1 ') : line))
      .filter((line) => !heading(line))
      .join('\n')
      .replace(/<\/?[a-z][a-z0-9-]*(?:\s[^>\n]*)?\/?>/gi, ' ')
      .replace(/\]\([^)\s]*\)/g, '')
      .replace(/\(\d{1,2}:\d{2}(?::\d{2})?\):?/g, ' ')
  );
}
