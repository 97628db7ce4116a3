import { ImportError } from './import-error.ts';
import type { Segment } from './model.ts';
import { squeeze } from './text.ts';

/** JSON.parse with the failing line in the message. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = errorOffset(text, message);
    const line = at === undefined ? 1 : text.slice(0, at).split('\n').length;
    throw new ImportError(`not valid JSON: ${message.split('\n')[0]}`, { place: { line } });
  }
}

/**
 * Where JSON.parse stopped: V8 gives a position for some errors, and for an
 * unexpected token a snippet of about ten characters either side of it.
 */
function errorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const snippet = /^Unexpected token .*?, "(\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON$/.exec(message);
  if (!snippet?.[2]) return undefined;
  const found = text.indexOf(snippet[2]);
  return found === -1 ? undefined : found + (snippet[1] ? 10 : 0);
}

/** Line numbers of each occurrence of a JSON key, in order. */
export function keyLines(text: string, key: string): number[] {
  const found: number[] = [];
  let line = 1;
  let from = 0;
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + key.length)) {
    for (let index = from; index < at; index += 1) if (text.charCodeAt(index) === 10) line += 1;
    from = at;
    found.push(line);
  }
  return found;
}

/** Where a JSON transcript format keeps each part of a segment. */
export interface SegmentKeys {
  /** What the file must be, said when it is not: the top-level `segments` array is missing. */
  expected: string;
  text: string;
  start: string;
  end: string;
  speaker: string;
  /** The key whose line a segment is reported at (one that every segment has, once). */
  lineKey: string;
}

/**
 * The `segments` array of a JSON transcript, one cue each: its text (required), its start and end in
 * seconds, and its speaker's label where the segment names one.
 */
export function readJsonSegments(text: string, keys: SegmentKeys): { data: unknown; segments: Segment[] } {
  const data = parseJson(text);
  const list = (data as { segments?: unknown }).segments;
  if (!Array.isArray(list)) throw new ImportError(keys.expected, { place: { line: 1 } });
  const lines = keyLines(text, `"${keys.lineKey}"`);
  const segments = list.map((item: unknown, index): Segment => {
    const segment = (item ?? {}) as Record<string, unknown>;
    const at = { line: lines[index] ?? 1, cue: index + 1 };
    const body = segment[keys.text];
    if (typeof body !== 'string') throw new ImportError(`segment ${index + 1} has no "${keys.text}" string`, { place: at });
    const [start, end, speaker] = [segment[keys.start], segment[keys.end], segment[keys.speaker]];
    const label = typeof speaker === 'string' && speaker.trim() !== '' ? squeeze(speaker) : undefined;
    return { ...(label !== undefined && { label }), text: squeeze(body), ...(typeof start === 'number' && { start }), ...(typeof end === 'number' && { end }), at };
  });
  return { data, segments };
}
