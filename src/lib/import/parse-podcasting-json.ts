/**
 * Podcasting 2.0 JSON transcript: `{version, segments: [{speaker, startTime,
 * endTime, body}]}`. One cue per segment; `speaker` labels it, and a segment
 * without one continues the speaker before.
 */
import { ImportError } from './import-error.ts';
import type { ParsedSource, Segment } from './model.ts';
import { keyLines, parseJson } from './parse-json.ts';
import { squeeze } from './text.ts';
import { repeats } from './parse-whisper-json.ts';

export function parsePodcastingJson(text: string): ParsedSource {
  const data = parseJson(text);
  const list = (data as { segments?: unknown }).segments;
  if (!Array.isArray(list)) throw new ImportError('expected a Podcasting 2.0 JSON transcript: an object with a "segments" array of {speaker, startTime, endTime, body}', { place: { line: 1 } });
  const bodyLines = keyLines(text, '"body"');
  const segments: Segment[] = list.map((item: unknown, index) => {
    const segment = (item ?? {}) as Record<string, unknown>;
    const at = { line: bodyLines[index] ?? 1, cue: index + 1 };
    if (typeof segment['body'] !== 'string') throw new ImportError(`segment ${index + 1} has no "body" string`, { place: at });
    const label = typeof segment['speaker'] === 'string' && segment['speaker'].trim() !== '' ? squeeze(segment['speaker']) : undefined;
    const start = typeof segment['startTime'] === 'number' ? segment['startTime'] : undefined;
    const end = typeof segment['endTime'] === 'number' ? segment['endTime'] : undefined;
    return { ...(label !== undefined && { label }), text: squeeze(segment['body']), ...(start !== undefined && { start }), ...(end !== undefined && { end }), at };
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
