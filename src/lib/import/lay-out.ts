/**
 * Turns attributed segments into the blocks of a transcript: a new turn at
 * each change of speaker, chapters as headings, and paragraphs. Subtitle cues
 * merge into paragraphs of a few sentences, cut only between sentences, at a
 * long pause or once a paragraph is long. Paragraph formats, caption
 * paragraphs included, keep the source's paragraphs as they are, even where
 * one ends mid-sentence: joining them would drop the time the next one gives.
 */
import { countWords } from '../transcript/words.ts';
import type { Chapter, Layout, Segment, SourcePlace } from './model.ts';
import { endsSentence, sentenceStarts } from './sentences.ts';
import { timeAt } from './timing.ts';

export interface Paragraph {
  text: string;
  start?: number;
  /** `start` is estimated, not a time the source gives: written `[~2:31]`. */
  estimated?: true;
  at: SourcePlace;
}

export interface TurnBlock {
  kind: 'turn';
  /** The label the page shows: the speaker's name, or an anonymous or declared voice as written. */
  label: string;
  /** The same speaker carries on after a chapter heading, with no label of its own. */
  continued: boolean;
  paragraphs: Paragraph[];
}

export interface ChapterBlock {
  kind: 'chapter';
  title: string;
  depth: number;
  /** When the chapter starts in the recording, where the source says. */
  start?: number;
}

export type Block = TurnBlock | ChapterBlock;

/** A segment with the label the page will show for it. */
export interface Attributed {
  speaker: string;
  segment: Segment;
}

/** A cue paragraph aims at this many sentences or words before it may end at a sentence. */
const TARGET_SENTENCES = 4;
const TARGET_WORDS = 80;
/** Past this, a paragraph ends at the next sentence even inside a cue. */
const MAX_WORDS = 120;
/** Text without sentence punctuation (automatic captions) still gets paragraphs: at a cue boundary past this many words. */
const UNPUNCTUATED_WORDS = 200;
/** Seconds of silence between cues that end a paragraph at a sentence end. */
const LONG_PAUSE = 2.5;

/**
 * Cues this long on average are paragraphs already: a transcript exported
 * with a cue per paragraph, as the archive's own downloads are (60 to 160
 * words a cue in the seed archive). Subtitle cues hold a line or two: 8 to
 * 14 words on average in the test corpus.
 */
const PARAGRAPH_CUE_WORDS = 40;

/** How cues become paragraphs: merged when they are subtitle lines, kept when they are paragraphs already. */
export function cueLayout(segments: readonly Segment[]): Layout {
  const words = segments.reduce((total, segment) => total + countWords(segment.text), 0);
  return segments.length > 0 && words / segments.length >= PARAGRAPH_CUE_WORDS ? 'paragraphs' : 'cues';
}

export function layOut(attributed: readonly Attributed[], chapters: readonly Chapter[], layout: Layout): Block[] {
  const blocks: Block[] = [];
  let turn: TurnBlock | undefined;
  let run: Segment[] = [];
  const flushRun = () => {
    if (turn && run.length > 0) turn.paragraphs.push(...paragraphsOf(run, layout));
    run = [];
  };
  const chaptersAt = (index: number) => chapters.filter((chapter) => chapter.before === index);
  attributed.forEach(({ speaker, segment }, index) => {
    const headings = chaptersAt(index);
    if (headings.length > 0) {
      flushRun();
      for (const chapter of headings) blocks.push(chapterBlock(chapter));
    }
    const interrupted = blocks.at(-1)?.kind === 'chapter';
    if (!turn || turn.label !== speaker || interrupted || segment.newTurn) {
      flushRun();
      turn = { kind: 'turn', label: speaker, continued: interrupted && turn?.label === speaker && segment.label === undefined, paragraphs: [] };
      blocks.push(turn);
    }
    if (segment.text.trim() !== '') run.push(segment);
  });
  flushRun();
  for (const chapter of chaptersAt(attributed.length)) blocks.push(chapterBlock(chapter));
  return blocks.filter((block) => block.kind === 'chapter' || block.paragraphs.length > 0);
}

function chapterBlock(chapter: Chapter): ChapterBlock {
  return { kind: 'chapter', title: chapter.title, depth: chapter.depth, ...(chapter.start !== undefined && { start: chapter.start }) };
}

function paragraphsOf(run: readonly Segment[], layout: Layout): Paragraph[] {
  if (layout === 'paragraphs') return run.map((segment) => paragraph(segment.text, segment));
  return mergeCues(run);
}

/**
 * A paragraph starting `wordsInto` words into a segment. Its time is the source's where it starts a
 * timed paragraph or cue, and otherwise estimated from where its first word falls (see timing.ts):
 * a turn that starts inside a caption paragraph is not given the paragraph's time.
 */
function paragraph(text: string, from: Segment, wordsInto = 0): Paragraph {
  const time = timeAt(from, wordsInto);
  return { text, ...(time && { start: time.start, ...(time.estimated && { estimated: true }) }), at: from.at };
}

/** Short cues merged into paragraphs that begin and end at sentence boundaries. */
function mergeCues(run: readonly Segment[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let first: Segment | undefined;
  let firstOffset = 0;
  let words = 0;
  let sentences = 0;
  const flush = () => {
    if (first && parts.length > 0) paragraphs.push(paragraph(parts.join(' '), first, firstOffset));
    parts = [];
    first = undefined;
    words = 0;
    sentences = 0;
  };
  run.forEach((cue, index) => {
    const cuts = [0, ...sentenceStarts(cue.text), cue.text.length];
    for (let chunk = 0; chunk < cuts.length - 1; chunk += 1) {
      const text = cue.text.slice(cuts[chunk], cuts[chunk + 1]).trim();
      if (text === '') continue;
      if (chunk > 0 && words >= MAX_WORDS && quotesClosed(parts)) flush();
      if (!first) {
        first = cue;
        firstOffset = countWords(cue.text.slice(0, cuts[chunk]));
      }
      parts.push(text);
      words += countWords(text);
      if (chunk < cuts.length - 2 || endsSentence(text)) sentences += 1;
    }
    const next = run[index + 1];
    if (!next) return;
    const pause = next.start !== undefined && cue.end !== undefined ? next.start - cue.end : 0;
    const atSentenceEnd = endsSentence(cue.text) && startsSentence(next.text) && quotesClosed(parts);
    if ((atSentenceEnd && (sentences >= TARGET_SENTENCES || words >= TARGET_WORDS || (pause >= LONG_PAUSE && words >= 20))) || words >= UNPUNCTUATED_WORDS)
      flush();
  });
  flush();
  return paragraphs;
}

/** Text that opens like a sentence: a capital or digit, perhaps after an opening quote or bracket. */
function startsSentence(text: string): boolean {
  return /^["'“‘([]?[\p{Lu}\p{N}]/u.test(text.trimStart());
}

/** No quotation is left open, so a paragraph break would not fall inside someone's quoted words. */
function quotesClosed(parts: readonly string[]): boolean {
  const text = parts.join(' ');
  const straight = (text.match(/"/g) ?? []).length;
  return straight % 2 === 0 && (text.match(/“/g) ?? []).length <= (text.match(/”/g) ?? []).length;
}
