import { chapterTimes } from './transcript/chapter-times.ts';
import type { ParsedTranscript } from './transcript/parse-transcript.ts';
import type { Timestamp } from './transcript/timestamp.ts';
import { words } from './words.ts';

export interface TocItem {
  id: string;
  label: string;
  /** Who speaks there, for turn-based entries. */
  speakerLabel?: string;
  /** When the part starts in the recording, where the transcript says. */
  timestamp?: Timestamp;
  /** A chapter heading's level (2 or 3); a chapter of level 3 is listed under the one of level 2 before it. */
  depth?: number;
}

/** An entry of the contents with the entries nested under it. */
export interface TocEntry {
  item: TocItem;
  children: TocEntry[];
}

/** The contents as the page lists them: level-3 chapters nested under the level-2 chapter before them (a source's parts and their sections). */
export function nestContents(items: readonly TocItem[]): TocEntry[] {
  const top = Math.min(...items.map((item) => item.depth ?? 2));
  const entries: TocEntry[] = [];
  for (const item of items) {
    const parent = entries.at(-1);
    if ((item.depth ?? 2) > top && parent) parent.children.push({ item, children: [] });
    else entries.push({ item, children: [] });
  }
  return entries;
}

/** Transcripts shorter than this read fine without a table of contents. */
export const TOC_MIN_WORDS = 2500;
const PARTS = 12;
const OPENING_WORDS = 8;

/**
 * A table of contents for a long transcript: its own chapter headings when it
 * has them; otherwise about a dozen evenly spaced turns, each shown by speaker
 * and opening words, so a reader can jump into a long interview.
 */
export function tableOfContents(parsed: ParsedTranscript, wordCount: number): TocItem[] {
  if (wordCount < TOC_MIN_WORDS) return [];
  const times = chapterTimes(parsed);
  const headings = parsed.blocks.flatMap((block) => {
    if (block.kind !== 'heading' || block.depth > 3) return [];
    const timestamp = times.get(block.id);
    return [{ id: block.id, label: block.text, depth: block.depth, ...(timestamp && { timestamp }) }];
  });
  if (headings.length >= 2) return headings;

  const turns = parsed.blocks.flatMap((block) => (block.kind === 'turn' && block.passages.length > 0 ? [block] : []));
  if (turns.length < PARTS) return [];
  const step = wordCount / PARTS;
  const items: TocItem[] = [];
  let wordsSoFar = 0;
  let nextMark = 0;
  for (const turn of turns) {
    if (wordsSoFar >= nextMark) {
      const opening = words(turn.passages[0]?.text ?? '').slice(0, OPENING_WORDS).join(' ');
      items.push({ id: turn.id, label: `${opening}…`, speakerLabel: turn.label, ...(turn.timestamp && { timestamp: turn.timestamp }) });
      nextMark += step;
    }
    wordsSoFar += turn.passages.reduce((sum, passage) => sum + words(passage.text).length, 0);
  }
  return items;
}
