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
    return [{ id: block.id, label: block.text, ...(timestamp && { timestamp }) }];
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
