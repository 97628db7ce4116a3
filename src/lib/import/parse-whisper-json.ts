/**
 * Whisper JSON (`{text, segments: [{id, start, end, text}], language}`): one
 * cue per segment, no speakers (WhisperX's `speaker` field, when present, is a
 * label). Segments Whisper repeated are kept, since no word is dropped, and
 * reported.
 */
import type { ParsedSource } from './model.ts';
import { parseJsonTranscript } from './parse-json.ts';

export function parseWhisperJson(text: string): ParsedSource {
  return parseJsonTranscript(text, {
    format: 'whisper-json',
    expected: 'expected Whisper JSON: an object with a "segments" array of {start, end, text}',
    text: 'text',
    start: 'start',
    end: 'end',
    speaker: 'speaker',
    lineKey: 'start',
    facts: (data) => {
      const language = (data as { language?: unknown }).language;
      return typeof language === 'string' ? { language } : {};
    },
  });
}
