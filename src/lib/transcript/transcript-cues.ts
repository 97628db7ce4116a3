import { countWords } from './words.ts';
import { blockPlainText } from './plain-text.ts';
import type { ParsedTranscript, Turn } from './parse-transcript.ts';
import type { ResolvedSpeaker } from './render-transcript.ts';

/** A paragraph of the transcript as the downloads give it. */
export interface TranscriptParagraph {
  kind: 'paragraph';
  /** The passage's stable id, as on the talk page (`p-1k9x0c2a`). */
  id: string;
  /** Who speaks, named as the talk page names them; undefined for text outside any turn. */
  speaker: string | undefined;
  /** The first paragraph of a labelled turn (a turn carried on after a heading has no label of its own). */
  opensTurn: boolean;
  text: string;
  /** Its own timestamp, in seconds; none is ever made up. */
  start: number | undefined;
  /** The transcript marks that time as estimated (`[~2:31]`). */
  estimated?: true;
}

export interface TranscriptHeading {
  kind: 'heading';
  depth: number;
  text: string;
}

export type TranscriptItem = TranscriptParagraph | TranscriptHeading;

/** The transcript in reading order: headings, and paragraphs with their speaker and time. */
export function transcriptItems(parsed: ParsedTranscript, resolve: (label: string) => ResolvedSpeaker | undefined): TranscriptItem[] {
  const items: TranscriptItem[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') {
      items.push({ kind: 'heading', depth: block.depth, text: block.text });
    } else if (block.kind === 'prose') {
      const { passage } = block;
      items.push({
        kind: 'paragraph',
        id: passage.id,
        speaker: undefined,
        opensTurn: false,
        text: blockPlainText(passage.tokens),
        start: passage.timestamp?.seconds,
        ...(passage.timestamp?.estimated && { estimated: true }),
      });
    } else {
      const speaker = resolve(block.label)?.name ?? block.label;
      const labelTime = labelTimestamp(block);
      block.passages.forEach((passage, index) => {
        const start = passage.timestamp ?? (index === 0 ? labelTime : undefined);
        items.push({
          kind: 'paragraph',
          id: passage.id,
          speaker,
          opensTurn: index === 0 && !block.continued,
          text: blockPlainText(passage.tokens),
          start: start?.seconds,
          ...(start?.estimated && { estimated: true }),
        });
      });
    }
  }
  return items;
}

/**
 * The time written after a label that stands alone on its line (`**Jan Leike:** [0:04]`, the
 * text in the next paragraph): the turn has it but no passage does, and it is the first one's.
 */
function labelTimestamp(turn: Turn): Turn['timestamp'] {
  return turn.timestamp && !turn.passages.some((passage) => passage.timestamp === turn.timestamp) ? turn.timestamp : undefined;
}

/** A transcript has times when any of its paragraphs has a timestamp. */
export function hasTimes(parsed: ParsedTranscript): boolean {
  return parsed.blocks.some((block) =>
    block.kind === 'turn' ? block.timestamp !== undefined : block.kind === 'prose' && block.passage.timestamp !== undefined,
  );
}

/** One subtitle cue: a timed paragraph, with the paragraphs that have no time of their own after it. */
export interface Cue {
  start: number;
  /** The start is an estimated time (`[~2:31]` in the transcript). */
  estimated?: true;
  end: number;
  paragraphs: TranscriptParagraph[];
  /** Chapters that begin in this cue. */
  chapters: string[];
}

/**
 * The opening of a WebVTT NOTE before a cue whose start is estimated: WebVTT cannot mark a time
 * itself, so the note says it, and the importer reads the next cue's start as an estimate again.
 */
export const ESTIMATED_START_NOTE = 'NOTE Estimated start';

/** A common conversational pace, for the last cue's end when the recording's end is not known. */
export const SPEAKING_WORDS_PER_MINUTE = 150;

/**
 * The transcript as cues, one per timed paragraph. A paragraph without a time
 * of its own goes into the cue of the nearest timed paragraph before it (those
 * before the first time, into the first cue), so no time is made up. Each cue
 * ends where the next begins; the last at `recordingEnd` when it is given and
 * later than the cue's start, else after its words at SPEAKING_WORDS_PER_MINUTE
 * (at least a second). A cue must end after it starts (WebVTT requires it) and
 * ends where the next begins, so each starts later than the one before: a
 * paragraph whose time is not later than the current cue's start (the same
 * time again, as captions split into paragraphs often have) shares that cue.
 * `trailing` are chapters after the last paragraph.
 */
export function transcriptCues(items: readonly TranscriptItem[], recordingEnd?: number): { cues: Cue[]; trailing: string[] } {
  const cues: Cue[] = [];
  let waiting: TranscriptParagraph[] = [];
  let chapters: string[] = [];
  for (const item of items) {
    if (item.kind === 'heading') {
      chapters.push(item.text);
      continue;
    }
    const last = cues.at(-1);
    if (item.start !== undefined && (!last || item.start > last.start)) {
      cues.push({ start: item.start, ...(item.estimated && { estimated: true }), end: item.start, paragraphs: [...waiting, item], chapters });
    } else if (last) {
      last.paragraphs.push(item);
      last.chapters.push(...chapters);
    } else {
      waiting.push(item);
      continue;
    }
    waiting = [];
    chapters = [];
  }
  cues.forEach((cue, index) => {
    const next = cues[index + 1];
    cue.end = next ? next.start : lastEnd(cue, recordingEnd);
  });
  return { cues, trailing: cues.length > 0 ? chapters : [] };
}

function lastEnd(cue: Cue, recordingEnd: number | undefined): number {
  if (recordingEnd !== undefined && recordingEnd > cue.start) return recordingEnd;
  const words = cue.paragraphs.reduce((total, paragraph) => total + countWords(paragraph.text), 0);
  return cue.start + Math.max(1, Math.ceil((words * 60) / SPEAKING_WORDS_PER_MINUTE));
}
