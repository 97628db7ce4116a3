/**
 * WebVTT, through w3c/webvtt.js: BOM, CRLF, NOTE blocks and entities as the
 * spec says. A `<v Name>` voice tag labels its text, closed or not; a cue
 * without one continues the speaker before (the tag is often only on a
 * turn's first cue). A plain-text `Name: ` opening a cue is a label too.
 * Whisper's VTT (no hours, no voices) reads the same way. A cue after the
 * archive's own `NOTE Estimated start` has an estimated start. A line that
 * opens with `>>` (YouTube's mark of a new speaker) starts an unlabelled turn,
 * and one opening with a speaker tag in square brackets (`[Adam]`) that names a
 * known voice starts that voice's turn.
 */
import webvtt, { type CueNode } from 'webvtt-parser';
import { ESTIMATED_START_NOTE } from '../transcript/transcript-cues.ts';
import { ImportError } from './import-error.ts';
import { splitCaptionLines } from './caption-lines.ts';
import { leadingLabel } from './label-text.ts';
import { cueLayout } from './lay-out.ts';
import { parsedSource, type ParsedSource, type ParseOptions, type Segment } from './model.ts';
import { decodeEntities, sourceLines, squeeze } from './text.ts';

const TIMING = /^\s*((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})/;
/** A `>>` speaker mark opening a line, as the file writes it (usually `&gt;&gt;`). */
const RAW_SPEAKER_CHANGE = /^\s*(?:>>|&gt;&gt;)\s*/;

export function parseVtt(text: string, options: ParseOptions = {}): ParsedSource {
  const hidden = hideAmpersands(text.replace(/^\uFEFF/, ''));
  const { cues, errors } = new webvtt.WebVTTParser({}).parse(hidden.text);
  const lines = sourceLines(text);
  const fatal = errors.find((error) => /signature/i.test(error.message));
  if (fatal || (cues.length === 0 && errors[0])) {
    const error = fatal ?? errors[0];
    throw new ImportError(`not valid WebVTT: ${error?.message} (expected "WEBVTT" on the first line, then cues with "00:00:01.000 --> 00:00:04.000" timings)`, {
      place: { line: error?.line ?? 1 },
    });
  }
  const cueLines = timingLines(lines);
  const estimatedAt = estimatedStarts(lines);
  const segments: Segment[] = [];
  cues.forEach((cue, index) => {
    const at = { line: takeLine(cueLines, cue.startTime, cue.endTime), cue: index + 1 };
    const timing = { start: cue.startTime, ...(estimatedAt.has(at.line) && { estimated: true as const }), end: cue.endTime };
    for (const voice of voices(cue.tree.children)) {
      const voiceLabel = voice.label === undefined ? undefined : squeeze(decodeEntities(hidden.restore(voice.label)));
      for (const [index, part] of splitCaptionLines(decodeEntities(hidden.restore(voice.text)), options.isKnownLabel).entries()) {
        const spoken = squeeze(part.text);
        const turn = part.newTurn ? { newTurn: true as const } : {};
        // The voice tag names who speaks until a line of its text says someone else does.
        const tagged = index === 0 && !part.newTurn && part.label === undefined ? voiceLabel : undefined;
        const plainLabel = part.label === undefined && tagged === undefined ? leadingLabel(spoken, options.isKnownLabel) : undefined;
        if (part.label !== undefined) segments.push({ label: part.label, labelFromText: true, text: spoken, ...timing, at });
        else if (plainLabel) segments.push({ label: plainLabel.label, labelFromText: true, text: plainLabel.rest, ...timing, at });
        else segments.push({ ...(tagged !== undefined && { label: tagged }), ...turn, text: spoken, ...timing, at });
      }
    }
  });
  const notes = errors.map((error) => `line ${error.line}: ${error.message}`);
  return parsedSource({
    format: 'vtt',
    layout: cueLayout(segments),
    references: true,
    segments,
    notes,
    coverage: coverageOf(lines),
  });
}

/**
 * webvtt.js decodes character references by rules of its own: with its own
 * table a partial match turns "&amp;" into "&;", names it lacks stay as
 * written, and one past U+FFFF comes out wrong (its references are at issue in
 * w3c/webvtt.js#36). So it is handed the file with every "&" swapped for a
 * private character it leaves alone, and the reader decodes the references
 * itself, after, with HTML5's table.
 */
function hideAmpersands(text: string): { text: string; restore: (part: string) => string } {
  let code = 0xe000;
  while (text.includes(String.fromCharCode(code))) code += 1;
  const stand = String.fromCharCode(code);
  return { text: text.replaceAll('&', stand), restore: (part) => part.replaceAll(stand, '&') };
}

/** The cue's text cut at each `<v>` tag: what each voice says, and text before any tag without a voice. */
function voices(nodes: readonly CueNode[]): { label?: string; text: string }[] {
  const parts: { label?: string; text: string }[] = [{ text: '' }];
  const walk = (node: CueNode): void => {
    if (node.type === 'text') (parts.at(-1) as { text: string }).text += node.value;
    else if (node.type === 'object') {
      if (node.name === 'v') parts.push({ label: node.value ?? '', text: '' });
      node.children.forEach(walk);
    }
  };
  nodes.forEach(walk);
  return parts.filter((part, index) => index > 0 || part.text.trim() !== '' || parts.length === 1);
}

/** Timing lines of cues that follow a note saying their start is estimated, as the archive's downloads write it. */
function estimatedStarts(lines: readonly string[]): Set<number> {
  const found = new Set<number>();
  let pending = false;
  lines.forEach((line, index) => {
    if (line.startsWith(ESTIMATED_START_NOTE) && (lines[index - 1] ?? '').trim() === '') pending = true;
    else if (pending && TIMING.test(line)) {
      found.add(index + 1);
      pending = false;
    }
  });
  return found;
}

/** Line numbers of timing lines, by start and end time, for messages that name a cue's line. */
function timingLines(lines: readonly string[]): Map<string, number[]> {
  const byTime = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const match = TIMING.exec(line);
    if (!match?.[1] || !match[2]) return;
    const key = `${clock(match[1])}|${clock(match[2])}`;
    byTime.set(key, [...(byTime.get(key) ?? []), index + 1]);
  });
  return byTime;
}

function takeLine(byTime: Map<string, number[]>, start: number, end: number): number {
  return byTime.get(`${start}|${end}`)?.shift() ?? 1;
}

function clock(text: string): number {
  const parts = text.split(':').map(Number);
  return Math.round(parts.reduce((total, part) => total * 60 + part, 0) * 1000) / 1000;
}

/** The cue text of the file without header, notes, identifiers, timings and `>>` speaker marks, references undecoded; voice names stay as words. */
function coverageOf(lines: readonly string[]): string {
  const kept: string[] = [];
  let inCue = false;
  let skipping = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      inCue = false;
      skipping = false;
      return;
    }
    if (index === 0 || skipping || (/^(NOTE|STYLE|REGION)(\s|$)/.test(line) && !inCue)) {
      skipping = true;
      return;
    }
    if (TIMING.test(line)) {
      inCue = true;
      return;
    }
    if (!inCue) return; // a cue identifier
    kept.push(line.replace(RAW_SPEAKER_CHANGE, ''));
  });
  return kept
    .join('\n')
    .replace(/<v(?:\.[^\s>]*)?\s+([^>]*)>/g, ' $1: ')
    .replace(/<[^>]*>/g, '');
}
