/**
 * Whisper JSON (`{text, segments: [{id, start, end, text}], language}`): one
 * cue per segment, no speakers (WhisperX's `speaker` field, when present, is a
 * label). Segments Whisper repeated are kept, since no word is dropped, and
 * reported.
 */
import type { ParsedSource, Segment } from './model.ts';
import { readJsonSegments } from './parse-json.ts';

export function parseWhisperJson(text: string): ParsedSource {
  const { data, segments } = readJsonSegments(text, {
    expected: 'expected Whisper JSON: an object with a "segments" array of {start, end, text}',
    text: 'text',
    start: 'start',
    end: 'end',
    speaker: 'speaker',
    lineKey: 'start',
  });
  const language = (data as { language?: unknown }).language;
  return {
    format: 'whisper-json',
    layout: 'cues',
    markup: 'plain', references: false,
    segments,
    chapters: [],
    firstLine: 1,
    facts: typeof language === 'string' ? { language } : {},
    notes: repeats(segments),
    coverage: segments.map((segment) => `${segment.label ?? ''} ${segment.text}`).join('\n'),
  };
}

/** Runs of segments that say exactly what the segment before said: a known Whisper failure. */
export function repeats(segments: readonly Segment[]): string[] {
  const notes: string[] = [];
  for (let index = 1; index < segments.length; index += 1) {
    const text = segments[index]?.text;
    if (text === '' || text !== segments[index - 1]?.text) continue;
    let last = index;
    while (segments[last + 1]?.text === text) last += 1;
    const count = last - index + 2;
    notes.push(`segments ${index}–${last + 1} repeat "${text}" (${count}×); kept, as the source has them`);
    index = last;
  }
  return notes;
}
