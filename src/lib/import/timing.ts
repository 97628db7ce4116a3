/**
 * When a segment's words were said. A source gives one time per unit (a
 * caption paragraph, a cue), and a unit may hold several segments: the turns
 * of a paragraph, a sentence a chapter heading cut off. Only a unit's first
 * word has the time the source gives; a later word's time is estimated from
 * its position among the unit's words, between the unit's start and its end
 * (the cue's end, the next unit's start, the recording's end, or else a
 * common speaking pace), and is marked as an estimate.
 */
import { SPEAKING_WORDS_PER_MINUTE } from '../transcript/transcript-cues.ts';
import { countWords } from '../transcript/words.ts';
import type { Segment, SegmentClock } from './model.ts';
import { markdownText } from './safe-markdown.ts';

export interface SegmentTime {
  start: number;
  estimated?: true;
}

/** Each timed segment with its clock: its unit's start and end, and the unit's words before it. Segments with a clock keep it. */
export function timeSegments(segments: readonly Segment[], markup: 'plain' | 'markdown', recordingEnd?: number): Segment[] {
  if (segments.every((segment) => segment.clock !== undefined || segment.start === undefined)) return [...segments];
  const words = segments.map((segment) => countWords(markup === 'markdown' ? markdownText(segment.text) : segment.text));
  const timed: Segment[] = [];
  for (let first = 0; first < segments.length;) {
    const head = segments[first] as Segment;
    let last = first;
    while (last + 1 < segments.length && sameUnit(head, segments[last + 1] as Segment)) last += 1;
    if (head.start === undefined) {
      timed.push(...segments.slice(first, last + 1));
    } else {
      const total = words.slice(first, last + 1).reduce((sum, count) => sum + count, 0);
      const to = unitEnd(segments, first, last, total, recordingEnd);
      let before = 0;
      for (let index = first; index <= last; index += 1) {
        const clock: SegmentClock = { from: head.start, to, wordsBefore: before, words: total, ...(head.estimated && { estimated: true }) };
        timed.push({ ...(segments[index] as Segment), clock });
        before += words[index] as number;
      }
    }
    first = last + 1;
  }
  return timed;
}

/**
 * When the word `wordsInto` words into the segment was said: the unit's own time for its first
 * word, an estimate for any later one. Undefined when the source gives the segment no time.
 */
export function timeAt(segment: Segment, wordsInto = 0): SegmentTime | undefined {
  const clock = segment.clock;
  if (!clock) return segment.start === undefined ? undefined : { start: segment.start, ...(segment.estimated && { estimated: true }) };
  const before = clock.wordsBefore + wordsInto;
  if (before === 0) return { start: clock.from, ...(clock.estimated && { estimated: true }) };
  return { start: clock.from + ((clock.to - clock.from) * before) / clock.words, estimated: true };
}

/** Segments cut from one timed paragraph or cue share its place and its time. */
function sameUnit(a: Segment, b: Segment): boolean {
  return b.start !== undefined && a.start === b.start && a.estimated === b.estimated && a.at.line === b.at.line && a.at.cue === b.at.cue;
}

function unitEnd(segments: readonly Segment[], first: number, last: number, words: number, recordingEnd: number | undefined): number {
  const from = segments[first]?.start as number;
  const end = segments[first]?.end;
  if (end !== undefined && end > from) return end;
  const next = segments.slice(last + 1).find((segment) => segment.start !== undefined && segment.start > from)?.start;
  if (next !== undefined) return next;
  if (recordingEnd !== undefined && recordingEnd > from) return recordingEnd;
  return from + (words * 60) / SPEAKING_WORDS_PER_MINUTE;
}
