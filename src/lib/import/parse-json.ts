import { ImportError } from './import-error.ts';
import { parsedSource, type ParsedSource, type Segment, type SourceFacts } from './model.ts';
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

/** A JSON transcript format: its name, and where it keeps each part of a segment. */
export interface JsonTranscriptFormat {
  format: ParsedSource['format'];
  /** What the file must be, said when it is not: the top-level `segments` array is missing. */
  expected: string;
  text: string;
  start: string;
  end: string;
  speaker: string;
  /** The key whose line a segment is reported at (one that every segment has, once). */
  lineKey: string;
  /** Facts the file states about the recording as a whole. */
  facts?: (data: unknown) => SourceFacts;
}

/**
 * A JSON transcript's `segments` array, one cue each: its text (required), its start and end in
 * seconds, and its speaker's label where the segment names one. Segments that repeat the one before
 * (a known speech-to-text failure) are kept, since no word is dropped, and reported.
 */
export function parseJsonTranscript(text: string, format: JsonTranscriptFormat): ParsedSource {
  const data = parseJson(text);
  const list = (data as { segments?: unknown }).segments;
  if (!Array.isArray(list)) throw new ImportError(format.expected, { place: { line: 1 } });
  const lines = keyLines(text, `"${format.lineKey}"`);
  const segments = list.map((item: unknown, index): Segment => {
    const segment = (item ?? {}) as Record<string, unknown>;
    const at = { line: lines[index] ?? 1, cue: index + 1 };
    const body = segment[format.text];
    if (typeof body !== 'string') throw new ImportError(`segment ${index + 1} has no "${format.text}" string`, { place: at });
    const [start, end, speaker] = [segment[format.start], segment[format.end], segment[format.speaker]];
    const label = typeof speaker === 'string' && speaker.trim() !== '' ? squeeze(speaker) : undefined;
    return {
      ...(label !== undefined && { label }),
      text: squeeze(body),
      ...(typeof start === 'number' && { start }),
      ...(typeof end === 'number' && { end }),
      at,
    };
  });
  return parsedSource({
    format: format.format,
    layout: 'cues',
    segments,
    facts: format.facts?.(data) ?? {},
    notes: repeats(segments),
    coverage: segments.map((segment) => `${segment.label ?? ''} ${segment.text}`).join('\n'),
  });
}

/** Runs of segments that say exactly what the segment before said. */
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
