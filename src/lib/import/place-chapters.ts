/**
 * Where a caption file's chapter headings go. A heading sits at the chapter's
 * time, which can fall inside a sentence or just before the last words of the
 * turn before. Each heading moves to the nearest place that cuts no sentence:
 * back to the start of the sentence it interrupts, or past a few leftover
 * words ("Thanks.") to the label that follows them in the same paragraph.
 * Where no sentence starts within a sentence's length before it (automatic
 * captions have no sentence ends), the heading stays at the chapter's time.
 * Words keep their order; the chapter keeps its own time either way.
 */
import { countWords } from '../transcript/words.ts';
import type { Chapter, Segment } from './model.ts';
import { endsSentence, sentenceStarts, splitSentences } from './sentences.ts';

/** At most this many words, one sentence, left after a heading that still belong to the turn before: "Thanks." */
const LEFTOVER_WORDS = 8;
/**
 * A heading moves back over at most this many words (about 15 s of speech). In the workshop's
 * human-made captions a sentence that a heading cuts starts 10 to 26 words before it; in automatic
 * captions, without punctuation, the nearest "sentence start" is a paragraph or more back (34 to 93 s).
 */
const MOST_WORDS_BACK = 40;

export function placeChapters(segments: Segment[], chapters: Chapter[], notes: string[]): void {
  for (const chapter of chapters) {
    const after = segments[chapter.before];
    const next = segments[chapter.before + 1];
    const before = segments[chapter.before - 1];
    if (
      after &&
      next &&
      after.label === undefined &&
      next.label !== undefined &&
      next.at.line === after.at.line &&
      endsSentence(after.text) &&
      splitSentences(after.text).length === 1 &&
      after.text.split(' ').length <= LEFTOVER_WORDS
    ) {
      notes.push(`line ${chapter.at.line}: the heading "${chapter.title}" moves past "${after.text}", the end of the turn before`);
      chapter.before += 1;
      continue;
    }
    if (!before || !after || after.label !== undefined || endsAtBoundary(before.text)) continue;
    const start = sentenceStart(segments, chapters, chapter);
    if (!start) {
      notes.push(
        `line ${chapter.at.line}: the heading "${chapter.title}" cuts a sentence, but no sentence starts within ${MOST_WORDS_BACK} words before it (text without punctuation?); it stays at the chapter's time`,
      );
      continue;
    }
    if (start.offset === 0) {
      chapter.before = start.segment;
    } else {
      const cut = segments[start.segment] as Segment;
      const { clock: _clock, ...rest } = cut;
      const tail: Segment = { ...rest, text: cut.text.slice(start.offset) };
      delete tail.label;
      cut.text = cut.text.slice(0, start.offset).trimEnd();
      segments.splice(start.segment + 1, 0, tail);
      for (const other of chapters) if (other !== chapter && other.before > start.segment) other.before += 1;
      chapter.before = start.segment + 1;
    }
    notes.push(`line ${chapter.at.line}: the heading "${chapter.title}" cut a sentence; it moves back to the sentence's start`);
  }
}

function endsAtBoundary(text: string): boolean {
  return endsSentence(text) || /[\])]$/.test(text);
}

/**
 * Where the sentence that the heading cuts starts: a segment and an offset in its text. It may lie
 * several segments back, but not past another heading, the transcript's start, nor more than
 * MOST_WORDS_BACK words back.
 */
function sentenceStart(segments: readonly Segment[], chapters: readonly Chapter[], chapter: Chapter): { segment: number; offset: number } | undefined {
  let words = 0;
  for (let index = chapter.before - 1; index >= 0; index -= 1) {
    const segment = segments[index] as Segment;
    const cut = sentenceStarts(segment.text).at(-1);
    words += countWords(cut === undefined ? segment.text : segment.text.slice(cut));
    if (words > MOST_WORDS_BACK) return undefined;
    if (cut !== undefined) return { segment: index, offset: cut };
    // A label or the end of a sentence before is a sentence start; the transcript's own start is no evidence of one.
    const previous = segments[index - 1];
    if (segment.label !== undefined || (previous && endsAtBoundary(previous.text))) return { segment: index, offset: 0 };
    // Another heading stands here: the sentence began in the chapter before.
    if (chapters.some((other) => other !== chapter && other.before === index)) return undefined;
  }
  return undefined;
}
