/**
 * The proof that nothing was lost: the words of the source against the words
 * of the written transcript, read back by the archive's own parser. Spoken
 * words, non-speech marks and labels are counted apart; any difference fails
 * the import and names the first word that differs and where it is.
 */
import { nonSpeechMarks, replaceNonSpeech } from '../transcript/non-speech.ts';
import { parseTranscript, type ParsedTranscript, type Passage, type Turn } from '../transcript/parse-transcript.ts';
import { labelKey } from '../transcript/speaker-labels.ts';
import { firstWordDifference, normalizedWords } from '../transcript/words.ts';
import { ImportError } from './import-error.ts';
import { labelsInText } from './label-text.ts';
import type { LabelMapping } from './map-labels.ts';
import type { Block, TurnBlock } from './lay-out.ts';
import type { Layout, ParsedSource, Segment, SourcePlace } from './model.ts';
import { markdownText } from './safe-markdown.ts';
import { auditTimes } from './audit-times.ts';
import { decodeEntities } from './text.ts';

export interface WordAudit {
  /** Spoken words read from the source and found in the output (equal, or the import fails). */
  spokenIn: number;
  spokenOut: number;
  /** Non-speech marks, such as `[laughs]`, in and out. */
  marksIn: number;
  marksOut: number;
  /** Segments that open with a label in the source; turns written with a label. */
  labelsIn: number;
  labelsOut: number;
  turns: number;
  paragraphs: number;
  /** Paragraphs written with a time, exact or estimated. */
  timestamps: number;
  /** Times the source gives (one per timed paragraph or cue with words), and how many are written as they are. */
  timesRead: number;
  timesKept: number;
  /** Times written as estimates (`[~2:31]`): a turn or paragraph that starts inside a source's paragraph or cue. */
  timesEstimated: number;
  chapters: number;
}

/** What a segment says, as a reader sees it. */
export function plainText(segment: Segment, markup: 'plain' | 'markdown'): string {
  return markup === 'markdown' ? markdownText(segment.text) : segment.text;
}

/** Spoken words (marks taken out) and the marks themselves. */
export function speech(text: string): { spoken: string[]; marks: string[] } {
  const marks = nonSpeechMarks(text).map((mark) => mark.text);
  return { spoken: normalizedWords(replaceNonSpeech(text, () => ' ')), marks };
}

/**
 * Characters that a mangled character reference adds, drops or leaves behind (`Q&;A` for `Q&amp;A`,
 * `>;>;` for `&gt;&gt;`), which no word comparison sees: the audit compares them in order too.
 */
const REFERENCE_CHARACTERS = /[&;<>"]/g;

function referenceCharacters(text: string): string[] {
  return text.match(REFERENCE_CHARACTERS) ?? [];
}

/**
 * The parser's reading against the source: every word of the transcript, as a
 * plain strip of the format's scaffolding finds it (its character references
 * decoded here, apart from the reader), must be a word of a label or of a
 * segment, in the same order; in plain-text formats the characters a
 * mangled reference would change must match too.
 */
export function auditCoverage(parsed: ParsedSource): void {
  const source = parsed.references ? decodeEntities(parsed.coverage) : parsed.coverage;
  const expected = normalizedWords(source);
  const read: string[] = [];
  const owners: SourcePlace[] = [];
  for (const segment of parsed.segments) {
    for (const word of normalizedWords(`${segment.label ?? ''} ${plainText(segment, parsed.markup)}`)) {
      read.push(word);
      owners.push(segment.at);
    }
  }
  const at = firstWordDifference(expected, read);
  if (at === -1) {
    if (parsed.markup === 'plain') auditCharacters(source, parsed.segments);
    return;
  }
  const place = owners[Math.min(at, owners.length - 1)];
  throw new ImportError(
    `the ${parsed.format} reader lost track of the text at word ${at + 1} of the transcript: the source has "${expected[at] ?? '(end)'}", the reader "${read[at] ?? '(end)'}"; the file may mix formats (try --format)`,
    place ? { place } : {},
  );
}

/**
 * A label the reader found in running text must name someone: one of the talk's speakers or voices,
 * an anonymous voice, the Q/A convention, or at least look like a full name. A single word that
 * names no one ("… yet. Two: these settings …") is a spoken word taken for a person: lost.
 */
export function auditTextLabels(segments: readonly Segment[], mappings: ReadonlyMap<string, LabelMapping>): void {
  for (const segment of segments) {
    if (segment.label === undefined || !segment.labelFromText || segment.label.trim().includes(' ')) continue;
    if (mappings.get(labelKey(segment.label))?.how !== 'unmapped') continue;
    throw new ImportError(
      `the word "${segment.label}" was read as a label ("${segment.label}:") that names none of the talk's speakers or voices: a spoken word lost; if it is someone, add the spelling to a speaker's aliases, or pass --map "${segment.label}=<slug>" or --voice "${segment.label}"`,
      { place: segment.at },
    );
  }
}

/** The reader's text against the decoded source, character by character for the characters references stand for. */
function auditCharacters(source: string, segments: readonly Segment[]): void {
  const expected = referenceCharacters(source);
  const read: string[] = [];
  const owners: SourcePlace[] = [];
  for (const segment of segments) {
    for (const character of referenceCharacters(`${segment.label ?? ''} ${segment.text}`)) {
      read.push(character);
      owners.push(segment.at);
    }
  }
  const at = firstWordDifference(expected, read);
  if (at === -1) return;
  const place = owners[Math.min(at, owners.length - 1)];
  throw new ImportError(
    `the text read differs from the source's decoded text at its ${ordinal(at + 1)} "&", ";", "<", ">" or '"': the source has ${quoteCharacter(expected[at])}, the reader ${quoteCharacter(read[at])}; a character reference (such as "&amp;") was decoded wrongly`,
    place ? { place } : {},
  );
}

function quoteCharacter(character: string | undefined): string {
  return character === undefined ? '(end)' : `"${character}"`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Reads the written body back with the archive's transcript parser and checks
 * it against what was meant: the same turns, labels, chapters, paragraphs and
 * timestamps, and exactly the source's spoken words and marks, in order.
 */
export interface OutputAuditOptions {
  /** Whether a label names one of the talk's speakers or voices: such a label left in the speech is a lost turn. */
  isKnownLabel?: (label: string) => boolean;
}

export function auditOutput(
  segments: readonly Segment[],
  markup: 'plain' | 'markdown',
  layout: Layout,
  blocks: readonly Block[],
  body: string,
  options: OutputAuditOptions = {},
): WordAudit {
  const parsed = parseTranscript(body);
  const { turnsOut, turnsMeant, chapters } = auditStructure(parsed, blocks);
  const passages = turnsOut.flatMap((turn) => turn.passages);
  const words = auditSpeech(segments, markup, passages);
  const timestamps = auditTimestamps(passages, turnsMeant);
  const times = auditTimes(segments, passages, layout, fail);
  if (options.isKnownLabel) auditLabelsInSpeech(segments, passages, options.isKnownLabel, fail);

  return {
    ...words,
    labelsIn: segments.filter((segment) => segment.label !== undefined).length,
    labelsOut: turnsOut.filter((turn) => !turn.continued).length,
    turns: turnsOut.length,
    paragraphs: passages.length,
    timestamps,
    ...times,
    chapters,
  };
}

/** Stops the import: the written transcript does not say what was meant; `place` is where in the source, when known. */
function fail(message: string, place?: SourcePlace): never {
  throw new ImportError(`the written transcript does not read back as intended: ${message}`, place ? { place } : {});
}

/** The turns and chapter headings read back against those written: nothing outside a turn, each turn with its label and paragraphs. */
function auditStructure(parsed: ParsedTranscript, blocks: readonly Block[]): { turnsOut: Turn[]; turnsMeant: TurnBlock[]; chapters: number } {
  const prose = parsed.blocks.find((block) => block.kind === 'prose');
  if (prose) fail(`line ${prose.passage.line} of the output is outside any turn`);
  const turnsOut = parsed.blocks.flatMap((block) => (block.kind === 'turn' ? [block] : []));
  const turnsMeant = blocks.flatMap((block) => (block.kind === 'turn' ? [block] : []));
  turnsMeant.forEach((meant, index) => {
    const out = turnsOut[index];
    if (!out || out.label !== meant.label || out.continued !== meant.continued || out.passages.length !== meant.paragraphs.length) {
      fail(
        `turn ${index + 1} should be ${meant.label} with ${meant.paragraphs.length} paragraph(s), but reads as ${out ? `${out.label} with ${out.passages.length}` : 'missing'}`,
        meant.paragraphs[0]?.at,
      );
    }
  });
  if (turnsOut.length !== turnsMeant.length) fail(`${turnsMeant.length} turns were written but ${turnsOut.length} read back`);
  const chapters = parsed.blocks.filter((block) => block.kind === 'heading').length;
  if (chapters !== blocks.length - turnsMeant.length) fail(`${blocks.length - turnsMeant.length} chapter headings were written but ${chapters} read back`);
  return { turnsOut, turnsMeant, chapters };
}

/** The source's spoken words (each with the place of its segment) and marks, and its text as one string. */
function sourceSpeech(
  segments: readonly Segment[],
  markup: 'plain' | 'markdown',
): { joined: string; spokenIn: string[]; marksIn: string[]; owners: SourcePlace[] } {
  // Segments are read as one text: a mark can run across cues ("[Bekah" / "laughs]").
  const texts = segments.map((segment) => plainText(segment, markup));
  const joined = texts.join(' ');
  const marksIn = nonSpeechMarks(joined).map((mark) => mark.text);
  const blanked = replaceNonSpeech(joined, (mark) => ' '.repeat(mark.length));
  const spokenIn: string[] = [];
  const owners: SourcePlace[] = [];
  let offset = 0;
  texts.forEach((text, index) => {
    const spoken = normalizedWords(blanked.slice(offset, offset + text.length));
    spokenIn.push(...spoken);
    for (const _word of spoken) owners.push((segments[index] as Segment).at);
    offset += text.length + 1;
  });
  return { joined, spokenIn, marksIn, owners };
}

/** The output's spoken words, marks and the characters a reference stands for, each in the source's order. */
function auditSpeech(
  segments: readonly Segment[],
  markup: 'plain' | 'markdown',
  passages: readonly Passage[],
): Pick<WordAudit, 'spokenIn' | 'spokenOut' | 'marksIn' | 'marksOut'> {
  const { joined, spokenIn, marksIn, owners } = sourceSpeech(segments, markup);
  const out = passages.map((passage) => speech(passage.text));
  const spokenOut = out.flatMap((part) => part.spoken);
  const marksOut = out.flatMap((part) => part.marks);
  const at = firstWordDifference(spokenIn, spokenOut);
  if (at !== -1)
    fail(
      `spoken word ${at + 1} is "${spokenIn[at] ?? '(end)'}" in the source but "${spokenOut[at] ?? '(end)'}" in the output`,
      owners[Math.min(at, owners.length - 1)],
    );
  const mark = firstWordDifference(marksIn, marksOut);
  if (mark !== -1) fail(`non-speech mark ${mark + 1} is "${marksIn[mark] ?? '(none)'}" in the source but "${marksOut[mark] ?? '(none)'}" in the output`);
  const charactersIn = referenceCharacters(joined);
  const charactersOut = passages.flatMap((passage) => referenceCharacters(passage.text));
  const character = firstWordDifference(charactersIn, charactersOut);
  if (character !== -1)
    fail(
      `the ${ordinal(character + 1)} "&", ";", "<", ">" or '"' is ${quoteCharacter(charactersIn[character])} in the source but ${quoteCharacter(charactersOut[character])} in the output; text was escaped or decoded wrongly`,
    );
  return { spokenIn: spokenIn.length, spokenOut: spokenOut.length, marksIn: marksIn.length, marksOut: marksOut.length };
}

/** How many paragraphs read back with a timestamp, which must be as many as were written with one. */
function auditTimestamps(passages: readonly Passage[], turnsMeant: readonly TurnBlock[]): number {
  const timestamps = passages.filter((passage) => passage.timestamp).length;
  const timestampsMeant = turnsMeant.flatMap((turn) => turn.paragraphs).filter((paragraph) => paragraph.start !== undefined).length;
  if (timestamps !== timestampsMeant) fail(`${timestampsMeant} timestamps were written but ${timestamps} read back`);
  return timestamps;
}

/**
 * A speaker's label left in the speech (`… like- Paul Christiano: Which I encourage.`) is a turn
 * lost and its words given to the speaker before; counted as spoken words it would pass unseen.
 */
function auditLabelsInSpeech(
  segments: readonly Segment[],
  passages: readonly Passage[],
  isKnown: (label: string) => boolean,
  fail: (message: string, place?: SourcePlace) => never,
): void {
  for (const passage of passages) {
    const [label] = labelsInText(passage.text, isKnown);
    if (label === undefined) continue;
    const source = segments.find((segment) => segment.text.includes(`${label}:`));
    fail(`the label "${label}:" is written as speech, so the turn it opens is missing; the reader did not take it for a label`, source?.at);
  }
}
