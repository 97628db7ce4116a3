/**
 * Podcasting 2.0 JSON transcript: `{version, segments: [{speaker, startTime,
 * endTime, body}]}`. One cue per segment; `speaker` labels it, and a segment
 * without one continues the speaker before.
 */
import type { ParsedSource } from './model.ts';
import { readJsonSegments } from './parse-json.ts';
import { repeats } from './parse-whisper-json.ts';

export function parsePodcastingJson(text: string): ParsedSource {
  const { segments } = readJsonSegments(text, {
    expected: 'expected a Podcasting 2.0 JSON transcript: an object with a "segments" array of {speaker, startTime, endTime, body}',
    text: 'body',
    start: 'startTime',
    end: 'endTime',
    speaker: 'speaker',
    lineKey: 'body',
  });
  return {
    format: 'podcasting-json',
    layout: 'cues',
    markup: 'plain', references: false,
    segments,
    chapters: [],
    firstLine: 1,
    facts: {},
    notes: repeats(segments),
    coverage: segments.map((segment) => `${segment.label ?? ''} ${segment.text}`).join('\n'),
  };
}
