/**
 * Whisper JSON (`{text, segments: [{id, start, end, text}], language}`): one
 * cue per segment, no speakers (WhisperX's `speaker` field, when present, is a
 * label). Segments Whisper repeated are kept, since no word is dropped, and
 * reported.
 */
import { ImportError } from './import-error.ts';
import type { ParsedSource, Segment } from './model.ts';
import { keyLines, parseJson } from './parse-json.ts';
import { squeeze } from './text.ts';

export function parseWhisperJson(text: string): ParsedSource {
  const data = parseJson(text);
  const list = (data as { segments?: unknown }).segments;
  if (!Array.isArray(list)) throw new ImportError('expected Whisper JSON: an object with a "segments" array of {start, end, text}', { place: { line: 1 } });
  const segmentLines = keyLines(text, '"start"');
  const segments: Segment[] = list.map((item: unknown, index) => {
    const segment = (item ?? {}) as Record<string, unknown>;
    const at = { line: segmentLines[index] ?? 1, cue: index + 1 };
    if (typeof segment['text'] !== 'string') throw new ImportError(`segment ${index + 1} has no "text" string`, { place: at });
    const start = typeof segment['start'] === 'number' ? segment['start'] : undefined;
    const end = typeof segment['end'] === 'number' ? segment['end'] : undefined;
    const speaker = typeof segment['speaker'] === 'string' && segment['speaker'].trim() !== '' ? segment['speaker'].trim() : undefined;
    return { ...(speaker !== undefined && { label: speaker }), text: squeeze(segment['text']), ...(start !== undefined && { start }), ...(end !== undefined && { end }), at };
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
