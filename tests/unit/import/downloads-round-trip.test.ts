/**
 * Every transcript download of the seed archive read back through the archive's own importer, as a
 * curator would (`--talk <slug> --force`, no --format or --map), into a scratch copy of content/: the
 * same speakers in the same order, the same spoken words, the chapters and each paragraph's time where
 * the format carries them. Essays and posts have no turns: their text file must hold exactly their words.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateArchive, type CheckedEntry } from '../../../src/lib/content/validate-archive.ts';
import { joinNames } from '../../../src/lib/format.ts';
import { parseTranscript } from '../../../src/lib/transcript/parse-transcript.ts';
import { labelKey, talkLabelResolver } from '../../../src/lib/transcript/speaker-labels.ts';
import { hasTimes, transcriptItems, type TranscriptParagraph } from '../../../src/lib/transcript/transcript-cues.ts';
import { transcriptSrt, transcriptText, transcriptWebVtt, type TranscriptFileOptions } from '../../../src/lib/transcript/transcript-files.ts';
import { normalizedWords } from '../../../src/lib/transcript/words.ts';
import type { TalkData } from '../../../src/schemas/talk.ts';
import { entry, importer, ROOT, scratchArchive, spokenWords, turnsOf } from './helpers.ts';

const CONTENT = join(ROOT, 'content');
const report = validateArchive(CONTENT);
const names = new Map(report.speakers.map((speaker) => [speaker.id, speaker.valid]));
const scratch = scratchArchive(CONTENT);
const files = mkdtempSync(join(tmpdir(), 'downloads-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));

type TalkEntry = CheckedEntry<TalkData>;
const talks = report.talks.filter((talk) => talk.body.trim() !== '');

/** What the talk page and its downloads are given: its speakers' names and its voices. */
function fileOptions(talk: TalkEntry): TranscriptFileOptions {
  const speakers = talk.valid.speakers.map(({ speaker }) => ({
    slug: speaker,
    name: names.get(speaker)?.name ?? speaker,
    aliases: names.get(speaker)?.aliases ?? [],
  }));
  return { resolve: talkLabelResolver(speakers, talk.valid.voices), proseVoice: joinNames(speakers.map((speaker) => speaker.name)) };
}

/** Who a turn label stands for: a speaker's slug, or a voice's name. */
function speakerOf(talk: TalkEntry, label: string): string {
  const speaker = fileOptions(talk).resolve(label);
  if (!speaker) return `unknown: ${labelKey(label)}`;
  return talk.valid.speakers.some(({ speaker: slug }) => slug === speaker.slug) ? speaker.slug : `voice: ${labelKey(speaker.name)}`;
}

/** The speakers of a body's turns in order; one speaker's turns in a row are one (a heading splits a turn, and subtitles have no headings). */
function speakerSequence(talk: TalkEntry, body: string): string[] {
  return turnsOf(body)
    .map((turn) => speakerOf(talk, turn.label))
    .filter((speaker, index, all) => index === 0 || speaker !== all[index - 1]);
}

/** Each paragraph as [spoken words before it, its time, whether the time is an estimate]: where paragraphs begin, and when. */
function paragraphStarts(talk: TalkEntry, body: string): [number, number | null, boolean][] {
  let before = 0;
  return transcriptItems(parseTranscript(body), fileOptions(talk).resolve)
    .filter((item): item is TranscriptParagraph => item.kind === 'paragraph')
    .map((paragraph) => {
      const start: [number, number | null, boolean] = [before, paragraph.start ?? null, paragraph.estimated === true];
      before += spokenWords(paragraph.text).length;
      return start;
    });
}

/** Chapter headings as the importer writes them: `##` for levels 1 and 2, `###` below; with `times`, the time each starts. */
function chapters(body: string, { times = false } = {}): string[] {
  return parseTranscript(body).blocks.flatMap((block) =>
    block.kind === 'heading' ? [`${block.depth <= 2 ? '##' : '###'} ${times && block.timestamp ? `[${block.timestamp.label}] ` : ''}${block.text}`] : [],
  );
}

/** The spoken words of every passage (non-speech marks and footnote references are marks, not words). */
function allSpokenWords(body: string): string[] {
  return parseTranscript(body).blocks.flatMap((block) =>
    block.kind === 'turn' ? block.passages.flatMap((passage) => spokenWords(passage.text)) : block.kind === 'prose' ? spokenWords(block.passage.text) : [],
  );
}

function downloads(talk: TalkEntry): Record<string, string> {
  const parsed = parseTranscript(talk.body);
  const options = fileOptions(talk);
  const timed = hasTimes(parsed) ? { vtt: transcriptWebVtt(parsed, options), srt: transcriptSrt(parsed, options) } : {};
  return { txt: transcriptText(parsed, options), md: readFileSync(talk.file, 'utf8'), ...timed };
}

/** Imports a download over the talk in the scratch archive (restored first) and returns the body it wrote. */
function reimport(talk: TalkEntry, extension: string, text: string): string {
  const file = join(files, `${talk.id}.${extension}`);
  writeFileSync(file, text);
  const target = join(scratch, relative(CONTENT, resolve(talk.file)));
  writeFileSync(target, readFileSync(talk.file, 'utf8'));
  const run = importer(file, '--talk', talk.id, '--force', '--content', scratch);
  expect(run.err, `${talk.id}.${extension}`).toBe('');
  expect(run.code).toBe(0);
  return entry(target).body;
}

const spoken = talks.filter((talk) => turnsOf(talk.body).length > 0);
const written = talks.filter((talk) => turnsOf(talk.body).length === 0);

it('covers the seed archive: talks with turns, with times, and texts without turns', () => {
  expect(spoken.length).toBeGreaterThanOrEqual(20);
  expect(spoken.filter((talk) => hasTimes(parseTranscript(talk.body))).length).toBe(spoken.length - 1);
  expect(written.map((talk) => talk.id).sort()).toEqual(['krueger-anwar-llm-safety-research-agenda', 'zac-hatfield-dodds-concrete-reasons-for-hope']);
});

describe.each(spoken.map((talk) => [talk.id, talk] as const))('%s', (_id, talk) => {
  const original = {
    speakers: speakerSequence(talk, talk.body),
    words: allSpokenWords(talk.body),
    starts: paragraphStarts(talk, talk.body),
    chapters: chapters(talk.body),
  };

  it.each(Object.entries(downloads(talk)))('its .%s file imports back to the same speakers, words, chapters and times', (extension, text) => {
    const body = reimport(talk, extension, text);
    expect(speakerSequence(talk, body)).toEqual(original.speakers);
    expect(allSpokenWords(body)).toEqual(original.words);
    // Text and Markdown carry the chapters too (subtitles leave them in notes, which are no transcript).
    if (extension === 'txt' || extension === 'md') expect(chapters(body)).toEqual(original.chapters);
    // The Markdown keeps each chapter's time as well.
    if (extension === 'md') expect(chapters(body, { times: true })).toEqual(chapters(talk.body, { times: true }));
    const starts = paragraphStarts(talk, body);
    if (extension === 'txt') {
      // Plain text keeps the paragraphs and leaves the times to the subtitle files.
      expect(starts).toEqual(original.starts.map(([before]) => [before, null, false]));
    } else if (extension === 'srt') {
      // A SubRip cue has no paragraphs inside it: one speaker's paragraphs in a cue become one, at the cue's time;
      // and SubRip cannot say that a cue's time is an estimate, so only the times are compared.
      const time = ([before, seconds]: [number, number | null, boolean]) => `${before},${seconds}`;
      const known = new Set(original.starts.map(time));
      expect(starts.filter((start) => !known.has(time(start)))).toEqual([]);
      const cueStarts = original.starts.filter(
        ([, seconds], index) => seconds !== null && original.starts.slice(0, index).every(([, earlier]) => earlier === null || earlier < seconds),
      );
      const read = new Set(starts.map(time));
      expect(cueStarts.filter((start) => !read.has(time(start)))).toEqual([]);
    } else {
      // WebVTT (through its notes) and Markdown keep which times are estimates as well.
      expect(starts).toEqual(original.starts);
    }
  });
});

describe.each(written.map((talk) => [talk.id, talk] as const))('%s (no turns)', (_id, talk) => {
  const text = downloads(talk)['txt'] as string;
  const [main = '', notes = ''] = text.split('\n\n---\n\n');
  const paragraphs = main.trimEnd().split('\n\n');
  const parsed = parseTranscript(talk.body);

  it("has exactly the passages' words in order, the headings as headings, and the footnotes after", () => {
    const words = paragraphs.filter((paragraph) => !/^#{1,6} /.test(paragraph)).map((paragraph) => paragraph.replace(/\[\d+\]/g, ' '));
    const passages = parsed.blocks.flatMap((block) => (block.kind === 'prose' ? [block.passage.text] : []));
    expect(normalizedWords(words.join('\n'))).toEqual(normalizedWords(passages.join('\n')));
    const headings = parsed.blocks.flatMap((block) => (block.kind === 'heading' ? [`${'#'.repeat(block.depth)} ${block.text}`] : []));
    expect(paragraphs.filter((paragraph) => /^#{1,6} /.test(paragraph))).toEqual(headings);
    const definitions = [...talk.body.matchAll(/^\[\^(\w+)\]:[ \t]*(.*)$/gm)].map((match, index) => [`[${index + 1}]`, normalizedWords(match[2] ?? '')]);
    expect(definitions.length).toBeGreaterThan(0);
    expect(
      notes
        .trimEnd()
        .split('\n\n')
        .map((note) => [note.split(' ')[0], normalizedWords(note.slice(note.indexOf(' ')))]),
    ).toEqual(definitions);
  });
});
