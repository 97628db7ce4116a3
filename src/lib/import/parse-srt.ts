/**
 * SubRip (.srt): numbered cues with `00:00:06,687 --> 00:00:08,216` timings.
 * A cue that opens with `Name: ` starts that speaker's turn (full name first,
 * short name later: both map to one speaker); cues without a label continue
 * it. A later line of a cue that opens with a known speaker's or an anonymous
 * voice's label starts a turn there: several short turns can share a cue.
 * A line opening with `>>` starts a turn of someone it does not name, one
 * opening with a speaker tag such as `[Adam]` (a known voice) that voice's.
 * Formatting tags (`<i>`, `{\an8}`) are dropped; entities decoded.
 */
import { ImportError } from './import-error.ts';
import { anonymousVoice } from '../transcript/speaker-labels.ts';
import { splitCaptionLines, type CaptionPart } from './caption-lines.ts';
import { leadingLabel } from './label-text.ts';
import { cueLayout } from './lay-out.ts';
import { parsedSource, type ParsedSource, type ParseOptions, type Segment } from './model.ts';
import { blocksOf, decodeEntities, parseClock, sourceLines, squeeze } from './text.ts';

const TIMING = /^\s*(\d{1,3}:\d{2}:\d{2}[,.]\d{1,3})\s*-->\s*(\d{1,3}:\d{2}:\d{2}[,.]\d{1,3})/;
const TAGS = /<\/?[a-z][^>]*>|\{\\[^}]*\}/gi;

export function parseSrt(text: string, options: ParseOptions = {}): ParsedSource {
  const lines = sourceLines(text);
  const segments: Segment[] = [];
  const coverage: string[] = [];
  blocksOf(lines).forEach((block, index) => {
    const timingAt = block.lines.findIndex((line) => TIMING.test(line));
    const number = timingAt === 1 && /^\d+$/.test((block.lines[0] as string).trim()) ? Number(block.lines[0]) : index + 1;
    if (timingAt === -1 || timingAt > 1) {
      throw new ImportError(`cue ${number} has no timing line; expected a cue number, then a line such as "00:00:01,000 --> 00:00:04,000", then the text`, {
        place: { line: block.line },
      });
    }
    const timing = TIMING.exec(block.lines[timingAt] as string);
    const start = parseClock(timing?.[1] ?? '');
    const end = parseClock(timing?.[2] ?? '');
    const raw = block.lines
      .slice(timingAt + 1)
      .join('\n')
      .replace(TAGS, '');
    coverage.push(raw.replace(/^\s*(?:>>|&gt;&gt;)\s*/gm, ''));
    const at = { line: block.line + timingAt, cue: number };
    const times = { ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
    for (const turn of turnsInCue(decodeEntities(raw), options.isKnownLabel)) {
      const spoken = squeeze(turn.text);
      const labelled = turn.label !== undefined ? { label: turn.label, rest: spoken } : leadingLabel(spoken, options.isKnownLabel);
      const newTurn = turn.newTurn ? { newTurn: true as const } : {};
      segments.push(labelled ? { label: labelled.label, labelFromText: true, text: labelled.rest, ...times, at } : { ...newTurn, text: spoken, ...times, at });
    }
  });
  return parsedSource({
    format: 'srt',
    layout: cueLayout(segments),
    references: true,
    segments,
    coverage: coverage.join('\n'),
  });
}

/**
 * A cue's text cut before each later line that opens with a label the talk
 * knows or an anonymous voice's (`Audience member: …`). Only those: a wrapped
 * caption line such as "Step One: …" is shaped like a label but names no one.
 * A line opening with `>>` starts a turn too, of someone it does not name, and
 * one opening with a speaker tag in square brackets (`[Adam]`) that voice's.
 */
function turnsInCue(cueText: string, isKnown?: (label: string) => boolean): CaptionPart[] {
  const turns: CaptionPart[] = [];
  for (const part of splitCaptionLines(cueText, isKnown)) {
    part.text.split('\n').forEach((line, index) => {
      const label = index === 0 ? undefined : leadingLabel(line.trim(), isKnown)?.label;
      if (index === 0) turns.push({ text: line, ...(part.newTurn && { newTurn: true as const }), ...(part.label !== undefined && { label: part.label }) });
      else if (label !== undefined && (isKnown?.(label) === true || anonymousVoice(label) !== undefined)) turns.push({ text: line });
      else (turns.at(-1) as { text: string }).text += `\n${line}`;
    });
  }
  return turns;
}
