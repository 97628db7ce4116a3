/**
 * What `npm run import` does with its options: reads the source, maps its labels to the talk's
 * speakers, builds and audits the transcript, validates the entries as the archive would, and writes
 * them atomically (or, with --check, only says what it would write). scripts/import.ts runs it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatIssue } from '../content/content-issue.ts';
import { validateArchive, type ArchiveReport, type CheckedEntry } from '../content/validate-archive.ts';
import type { WordAudit } from './audit.ts';
import { editFrontMatter, frontMatterFor, renderEntry, splitEntry } from './entry-file.ts';
import { ImportError, placeLabel } from './import-error.ts';
import { buildTranscript, type TranscriptResult } from './import-transcript.ts';
import { unknownSingleLabels } from './label-text.ts';
import { mapLabels, type TalkSpeaker } from './map-labels.ts';
import type { FormatName, Layout, ParsedSource } from './model.ts';
import { addLinks, recordingLink, transcriptFromFacts, type Link, type TranscriptFields } from './sources-and-provenance.ts';
import { splitIntoParts } from './split-parts.ts';
import { timeSegments } from './timing.ts';
import { formatClock } from './text.ts';
import { assertInside, removeStaleTemporaries, writeAtomically } from './write-files.ts';
import { slugReference } from '../../schemas/common.ts';
import type { SpeakerData } from '../../schemas/speaker.ts';
import { talkSchema, type TalkData } from '../../schemas/talk.ts';
import { labelKey, type SpeakerIdentity } from '../transcript/speaker-labels.ts';
import { countWords } from '../transcript/words.ts';
import type { NewTalk, Options } from './command-options.ts';
import { readTranscriptFile, withFile, type SourceFile } from './transcript-file.ts';

/** One talk the transcript (or a part of it) goes to. */
interface Target {
  slug: string;
  /** Path of the entry file. */
  path: string;
  speakers: TalkSpeaker[];
  voices: string[];
  /** The entry as it is now; undefined for a new talk. */
  existing?: CheckedEntry<TalkData>;
  newTalk?: NewTalk;
  /** For a part: its start in the recording, and the next part's start. */
  partStart?: number;
  partEnd?: number;
}

export function importFile(options: Options): string[] {
  const report = loadArchive(options.contentDir);
  const speakerEntries = new Map(report.speakers.map((entry) => [entry.id, entry]));
  const archive = report.speakers.map(identity);
  const targets = resolveTargets(options, report, speakerEntries);
  for (const target of targets) refuseToOverwrite(target, options.force);

  const source = readTranscriptFile(options, displayPath(options.file), parseOptions(targets, options));
  const { parsed } = source;
  // Times inside a paragraph are estimated over the whole file, so that a part starting inside one is estimated alike.
  parsed.segments = timeSegments(parsed.segments, parsed.markup, parsed.facts.duration);
  const outputs = buildOutputs(source, targets, options, archive);
  const removed = writeOutputs(outputs, options);
  return importReport(source, outputs, removed, parseOptions(targets, options).isKnownLabel, options);
}

/** One talk's new transcript and the text of its entry file. */
interface Output {
  target: Target;
  result: TranscriptResult;
  notes: string[];
  text: string;
}

/** Each talk's transcript, built from its piece of the source (its part, or the whole), and its entry file's new text. */
function buildOutputs({ file, parsed }: SourceFile, targets: readonly Target[], options: Options, archive: readonly SpeakerIdentity[]): Output[] {
  const pieces =
    options.parts.length > 0
      ? splitParts(parsed, targets, options, archive, file)
      : [{ target: targets[0] as Target, segments: parsed.segments, chapters: parsed.chapters, notes: [] as string[] }];
  return pieces.map(({ target, segments, chapters, notes }) => {
    const result = withFile(file, () =>
      buildTranscript(
        {
          segments,
          chapters,
          layout: parsed.layout,
          markup: parsed.markup,
          ...(parsed.facts.duration !== undefined && { recordingEnd: parsed.facts.duration }),
        },
        target,
        { archive, explicit: options.maps, strict: options.strict, unlabelled: options.unlabelled },
      ),
    );
    return { target, result, notes, text: entryText(target, result, parsed, options) };
  });
}

/**
 * Validates the new entries as the archive would and writes them all (with --check, none); returns
 * what a stopped import had left half-written, now removed.
 */
function writeOutputs(outputs: readonly Output[], options: Options): string[] {
  const files = outputs.map(({ target, text: entry }) => ({ path: target.path, text: entry }));
  // Before anything, even the check's copy in the temporary folder, is written.
  for (const output of files) assertInside(output.path, options.contentDir, displayPath);
  validateOutputs(options.contentDir, files);
  const removed = options.check ? [] : removeStaleTemporaries(options.contentDir, displayPath);
  if (!options.check) writeAtomically(files, options.contentDir, displayPath);
  return removed;
}

/** What the command prints: the file's format, the notes on its reading, and a summary of each talk's transcript. */
function importReport(
  { file, format, parsed }: SourceFile,
  outputs: readonly Output[],
  removed: readonly string[],
  isKnownLabel: (label: string) => boolean,
  options: Options,
): string[] {
  const lines = [`${file}: ${format}, transcript from line ${parsed.firstLine}`];
  if (removed.length > 0) lines.push(`  removed what a stopped import left half-written: ${removed.join(', ')}`);
  for (const note of [...parsed.notes, ...possibleLabels(parsed, isKnownLabel)]) lines.push(`  note: ${note}`);
  for (const output of outputs) lines.push(...summary(output.target, output.result, output.notes, options, parsed.layout));
  lines.push(options.check ? '--check: nothing was written.' : `Wrote ${outputs.length} file(s).`);
  return lines;
}

/** Readers that find labels in running text: inside caption paragraphs, or opening a paragraph or cue. */
const TEXT_LABELS: Partial<Record<FormatName, 'inside' | 'opening'>> = {
  'caption-markdown': 'inside',
  'name-colon': 'opening',
  srt: 'opening',
  vtt: 'opening',
};

/** Single words before a colon that were not taken for labels, since they name no one of the talk: the curator may know better. */
function possibleLabels(parsed: ParsedSource, isKnown: (label: string) => boolean): string[] {
  const where = TEXT_LABELS[parsed.format];
  if (!where) return [];
  const found = new Map<string, { count: number; at: ParsedSource['segments'][number]['at'] }>();
  for (const segment of parsed.segments) {
    for (const word of unknownSingleLabels(segment.text, isKnown, { inside: where === 'inside' })) {
      const seen = found.get(word);
      if (seen) seen.count += 1;
      else found.set(word, { count: 1, at: segment.at });
    }
  }
  return [...found].map(
    ([word, { count, at }]) =>
      `${placeLabel(at)}: "${word}:"${count > 1 ? ` (×${count})` : ''} names none of the talk's speakers or voices, so it is kept as speech; if it is someone, add the spelling to a speaker's aliases, or pass --map "${word}=<slug>" or --voice "${word}"`,
  );
}

function loadArchive(contentDir: string): ArchiveReport {
  if (!existsSync(contentDir))
    throw new ImportError(`the content folder ${displayPath(contentDir)} does not exist; pass --content or set ARCHIVE_CONTENT_DIR`, { exitCode: 2 });
  return validateArchive(contentDir);
}

function identity(entry: CheckedEntry<SpeakerData>): SpeakerIdentity {
  return { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases };
}

function resolveTargets(options: Options, report: ArchiveReport, speakers: Map<string, CheckedEntry<SpeakerData>>): Target[] {
  const billed = (billing: readonly { speaker: string; role: string }[], where: string): TalkSpeaker[] =>
    billing.map(({ speaker: slug, role }) => {
      const entry = speakers.get(slug);
      if (!entry)
        throw new ImportError(
          `${where}: no speaker "${slug}"; add ${displayPath(join(options.contentDir, 'speakers', `${slug}.md`))} with at least a name first`,
        );
      return { ...identity(entry), role };
    });
  const withVoices = (voices: readonly string[]) => [
    ...voices,
    ...options.voices.filter((voice) => !voices.some((known) => labelKey(known) === labelKey(voice))),
  ];
  const existing = (slug: string): Target => {
    const talk = report.talks.find((entry) => entry.id === slug);
    if (!talk) {
      const invalid = report.issues.filter((issue) => basename(issue.file) === `${slug}.md`);
      if (invalid.length > 0) throw new ImportError(`the talk "${slug}" has problems to fix first:\n  ${invalid.map(formatIssue).join('\n  ')}`);
      throw new ImportError(
        `no talk "${slug}" in ${displayPath(join(options.contentDir, 'talks'))}; check the slug, or create the talk with --slug, --title, --kind and --speaker`,
        { exitCode: 2 },
      );
    }
    return { slug, path: resolve(talk.file), speakers: billed(talk.valid.speakers, talk.file), voices: withVoices(talk.valid.voices), existing: talk };
  };
  if (options.talk !== undefined) return [existing(options.talk)];
  if (options.parts.length > 0) {
    return options.parts.map((part, index) => {
      const next = options.parts[index + 1];
      return { ...existing(part.slug), partStart: part.start, ...(next && { partEnd: next.start }) };
    });
  }
  const talk = options.newTalk as NewTalk;
  const clash = report.talks.find((entry) => entry.id === talk.slug) ?? report.issues.find((issue) => basename(issue.file) === `${talk.slug}.md`);
  const path = join(options.contentDir, 'talks', `${talk.slug}.md`);
  if (clash || existsSync(path))
    throw new ImportError(`the talk "${talk.slug}" exists already (${displayPath(path)}); to replace its transcript use --talk ${talk.slug}`);
  return [{ slug: talk.slug, path: resolve(path), speakers: billed(talk.speakers, '--speaker'), voices: withVoices([]), newTalk: talk }];
}

function refuseToOverwrite(target: Target, force: boolean): void {
  const body = target.existing?.body ?? '';
  if (force || body.trim() === '') return;
  throw new ImportError(`the talk "${target.slug}" has a transcript already (${countWords(body).toLocaleString('en')} words); pass --force to replace it`, {
    file: displayPath(target.path),
    place: { line: target.existing?.bodyStartLine ?? 1 },
  });
}

/** Labels worth recognising inside text: the targets' speakers (names, first names, aliases, slugs), voices and mapped labels. */
function parseOptions(targets: readonly Target[], options: Options): { isKnownLabel: (label: string) => boolean; names: string[] } {
  const names = targets.flatMap((target) => target.speakers.flatMap((speaker) => [speaker.name, ...speaker.aliases]));
  const keys = new Set(
    [
      ...names,
      ...targets.flatMap((target) => target.speakers.flatMap((speaker) => [speaker.slug, speaker.name.split(/\s+/)[0] ?? ''])),
      ...targets.flatMap((target) => target.voices),
      ...options.maps.keys(),
    ].map(labelKey),
  );
  return { isKnownLabel: (label) => keys.has(labelKey(label)), names };
}

function splitParts(parsed: ParsedSource, targets: readonly Target[], options: Options, archive: readonly SpeakerIdentity[], file: string) {
  const specs = targets.map((target) => ({
    start: target.partStart ?? 0,
    slug: target.slug,
    speakerNames: target.speakers.map((speaker) => speaker.name).join(' or '),
    isSpeaker: (label: string) => {
      const mapping = mapLabels([{ label, at: { line: 1 } }], { speakers: target.speakers, archive, voices: [], explicit: options.maps, strict: false }).get(
        labelKey(label),
      );
      return mapping?.slug !== undefined;
    },
  }));
  const parts = withFile(file, () => splitIntoParts(parsed.segments, parsed.chapters, specs));
  return parts.map((part, index) => ({
    target: targets[index] as Target,
    segments: part.segments,
    chapters: part.chapters,
    notes: [`part from ${placeLabel(part.at)}${part.segments[0]?.start === undefined ? '' : ` ([${formatClock(part.segments[0].start)}])`}`, ...part.notes],
  }));
}

const TALK_FIELDS = Object.keys(talkSchema(slugReference).shape);

/** The talk's file as it will be: front matter kept (or made for a new talk), transcript fields and voices set, the new body. */
function entryText(target: Target, result: TranscriptResult, parsed: ParsedSource, options: Options): string {
  // The file as it is now, read again: validation keeps each entry's fields and body, not its text.
  const old = target.existing ? splitEntry(readFileSync(target.path, 'utf8')) : undefined;
  const current = target.existing?.data ?? {};
  const recording = recordingLink(
    parsed.facts,
    target.partStart === undefined ? undefined : { start: target.partStart, ...(target.partEnd !== undefined && { end: target.partEnd }) },
  );
  const sources = addLinks((current['sources'] as Link[] | undefined) ?? [], [...(recording ? [recording] : []), ...options.sources]);
  const transcript = { ...((current['transcript'] as TranscriptFields | undefined) ?? {}), ...transcriptFromFacts(parsed.facts), ...options.transcript };
  const changes: Record<string, unknown> = {
    voices: result.voices.length > 0 ? result.voices : undefined,
    sources: sources.length > 0 ? sources : undefined,
    transcript: Object.keys(transcript).length > 0 ? transcript : undefined,
  };
  if (target.newTalk) {
    const { slug: _slug, ...fields } = target.newTalk;
    return renderEntry(frontMatterFor({ ...fields, ...changes }, TALK_FIELDS), result.body);
  }
  return renderEntry(editFrontMatter(old?.frontMatter ?? '', changes, TALK_FIELDS), result.body);
}

/** Validates the archive as it would be, in a copy of the content folder: problems in the new files stop the import. */
function validateOutputs(contentDir: string, outputs: readonly { path: string; text: string }[]): void {
  const copy = mkdtempSync(join(tmpdir(), 'import-check-'));
  try {
    cpSync(contentDir, copy, { recursive: true });
    const inCopy = outputs.map((output) => resolve(copy, relative(contentDir, output.path)));
    outputs.forEach((output, index) => {
      mkdirSync(dirname(inCopy[index] as string), { recursive: true });
      writeFileSync(inCopy[index] as string, output.text);
    });
    const problems = validateArchive(copy).issues.filter((issue) => inCopy.includes(resolve(issue.file)));
    if (problems.length > 0) {
      const lines = problems.map((issue) => formatIssue({ ...issue, file: displayPath(resolve(contentDir, relative(copy, resolve(issue.file)))) }));
      throw new ImportError(`the imported entry would not pass the archive's validation; nothing was written:\n  ${lines.join('\n  ')}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function summary(target: Target, result: TranscriptResult, notes: readonly string[], options: Options, layout: Layout): string[] {
  const { audit } = result;
  const n = (value: number) => value.toLocaleString('en');
  const action = target.newTalk ? 'new talk' : target.existing?.body.trim() ? 'transcript replaced' : 'transcript added';
  const turnsBy = new Map<string, number>();
  for (const block of result.blocks) if (block.kind === 'turn' && !block.continued) turnsBy.set(block.label, (turnsBy.get(block.label) ?? 0) + 1);
  const continued = audit.turns - audit.labelsOut;
  const span = result.span ? `, [${formatClock(result.span[0])}] to [${formatClock(result.span[1])}]` : '';
  const lines = [
    `→ ${displayPath(target.path)} (${action}${options.check ? ', not written' : ''})`,
    ...notes.map((note) => `  ${note}`),
    `  turns:      ${n(audit.labelsOut)}${continued > 0 ? ` (+${n(continued)} carried on after a chapter heading)` : ''} in ${n(audit.paragraphs)} paragraphs${audit.chapters > 0 ? `, ${n(audit.chapters)} chapter heading${audit.chapters === 1 ? '' : 's'}` : ''}`,
    `  words:      ${n(audit.spokenIn)} spoken in, ${n(audit.spokenOut)} out; non-speech marks ${n(audit.marksIn)} in, ${n(audit.marksOut)} out; labels ${n(audit.labelsIn)} read, ${n(audit.labelsOut)} written`,
    `  timestamps: ${timesSummary(audit, layout, span)}`,
    `  speakers:   ${[...turnsBy].map(([label, count]) => `${label} (${n(count)} turn${count === 1 ? '' : 's'})`).join(', ')}`,
  ];
  if (result.mappings.length === 0) lines.push('  labels:     none in the source');
  result.mappings.forEach((mapping, index) => {
    const head = index === 0 ? '  labels:     ' : '              ';
    if (mapping.how === 'convention') {
      lines.push(`${head}"${mapping.label}" ×${mapping.count} → ${mapping.slug ?? mapping.output} (${mapping.note})`);
      return;
    }
    const where = mapping.slug
      ? `${mapping.slug} (${mapping.how})`
      : mapping.how === 'anonymous'
        ? 'anonymous voice'
        : mapping.how === 'voice'
          ? "one of the talk's voices"
          : 'NOT MAPPED';
    lines.push(
      `${head}"${mapping.label}" ×${mapping.count} → ${where}${mapping.note ? `: ${mapping.label} ${mapping.note} (first at ${placeLabel(mapping.at)})` : ''}`,
    );
  });
  if (result.unlabelledNote) lines.push(`  unlabelled: ${result.unlabelledNote}`);
  if (result.speakerChangeNote) lines.push(`  unnamed:    ${result.speakerChangeNote}`);
  if (result.voices.length > 0) lines.push(`  voices:     ${result.voices.join(', ')}`);
  return lines;
}

/** Source timestamps kept against those read, and how many times are estimates; merged cues say how many cue times they start at. */
function timesSummary(audit: WordAudit, layout: Layout, span: string): string {
  const n = (value: number) => value.toLocaleString('en');
  if (audit.timesRead === 0 && audit.timestamps === 0) return 'none in the source';
  const estimated = audit.timesEstimated > 0 ? `; ${n(audit.timesEstimated)} estimated (~), where a turn or paragraph starts inside one` : '';
  if (layout === 'cues') return `${n(audit.timesKept)} paragraphs start at one of the source's ${n(audit.timesRead)} cue times${span}${estimated}`;
  return `${n(audit.timesKept)} of ${n(audit.timesRead)} source timestamps kept${span}${estimated}`;
}

export function displayPath(path: string): string {
  return relative(process.cwd(), resolve(path)) || path;
}
