/**
 * Podcasting 2.0 JSON transcript: `{version, segments: [{speaker, startTime,
 * endTime, body}]}`. One cue per segment; `speaker` labels it, and a segment
 * without one continues the speaker before.
 */
import type { ParsedSource } from './model.ts';
import { parseJsonTranscript } from './parse-json.ts';

export function parsePodcastingJson(text: string): ParsedSource {
  return parseJsonTranscript(text, {
    format: 'podcasting-json',
    expected: 'expected a Podcasting 2.0 JSON transcript: an object with a "segments" array of {speaker, startTime, endTime, body}',
    text: 'body',
    start: 'startTime',
    end: 'endTime',
    speaker: 'speaker',
    lineKey: 'body',
  });
}
