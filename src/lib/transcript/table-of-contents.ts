import { chapterTimes } from './chapter-times.ts';
import type { ParsedTranscript } from './parse-transcript.ts';
import type { Timestamp } from './timestamp.ts';
import { contentsBySubject } from './contents-by-subject.ts';

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

/** How the contents show their entries: a turn label's display name, and where the recording plays from a moment. */
export interface TocDisplay {
  /** Display names for turn labels. */
  labelNames: Map<string, string>;
  /** Where the recording plays from a moment, when the talk has one: each entry's time then plays from there. */
  moment?: ((seconds: number) => string) | undefined;
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

/**
 * A table of contents for a long transcript: its own chapter headings when it
 * has them; otherwise the places where it turns to a new subject (see
 * contents-by-subject.ts), each shown by speaker, opening words and time.
 * `asks(label)` says whether a turn's speaker is the one asking the questions.
 */
export function tableOfContents(parsed: ParsedTranscript, wordCount: number, asks: (label: string) => boolean = () => false): TocItem[] {
  if (wordCount < TOC_MIN_WORDS) return [];
  const times = chapterTimes(parsed);
  const headings = parsed.blocks.flatMap((block) => {
    if (block.kind !== 'heading' || block.depth > 3) return [];
    const timestamp = times.get(block.id);
    return [{ id: block.id, label: block.text, depth: block.depth, ...(timestamp && { timestamp }) }];
  });
  if (headings.length >= 2) return headings;
  return contentsBySubject(parsed, wordCount, asks);
}
