import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { validateArchive, type ArchiveReport, type CheckedEntry } from '../../src/lib/content/validate-archive.ts';
import type { Catalogue, CatalogueTalk } from '../../src/lib/export/catalogue.ts';
import { joinNames } from '../../src/lib/format.ts';
import { downloadHeaders, downloadsFor, type DownloadFormat } from '../../src/lib/export/download-formats.ts';
import { talkRecording } from '../../src/lib/recording/talk-recording.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { talkLabelResolver } from '../../src/lib/transcript/speaker-labels.ts';
import { hasTimes } from '../../src/lib/transcript/transcript-cues.ts';
import { transcriptSrt, transcriptText, transcriptWebVtt } from '../../src/lib/transcript/transcript-files.ts';
import type { TalkData } from '../../src/schemas/talk.ts';
import { DIST } from '../support/paths.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */

let content: ArchiveReport;
let catalogue: Catalogue;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no built site: run npm run build first (npm test does)`);
  content = validateArchive(contentDir());
  catalogue = JSON.parse(readFileSync(join(DIST, 'catalogue.json'), 'utf8')) as Catalogue;
});

/** What each download of a talk must hold, made here from its content file as the site makes it from the collection. */
function expectedFiles(talk: CheckedEntry<TalkData>): Map<DownloadFormat, string> {
  const names = new Map(content.speakers.map((speaker) => [speaker.id, speaker.valid]));
  const speakers = talk.valid.speakers.map(({ speaker }) => ({
    slug: speaker,
    name: names.get(speaker)?.name ?? speaker,
    aliases: names.get(speaker)?.aliases ?? [],
  }));
  const recording = talkRecording(talk.valid.sources);
  const recordingEnd = recording?.end ?? recording?.duration;
  const options = {
    resolve: talkLabelResolver(speakers, talk.valid.voices),
    proseVoice: joinNames(speakers.map((speaker) => speaker.name)),
    ...(recordingEnd !== undefined && { recordingEnd }),
  };
  const parsed = parseTranscript(talk.body);
  const files = new Map<DownloadFormat, string>([
    ['text', transcriptText(parsed, options)],
    ['markdown', readFileSync(talk.file, 'utf8')],
  ]);
  if (hasTimes(parsed)) {
    files.set('webvtt', transcriptWebVtt(parsed, options));
    files.set('srt', transcriptSrt(parsed, options));
  }
  return files;
}

const hasTranscript = (talk: CheckedEntry<TalkData>) => talk.body.trim() !== '';
const transcriptFiles = (id: string) =>
  readdirSync(join(DIST, 'talks', id))
    .filter((name) => name.startsWith('transcript.'))
    .sort();

describe('transcript downloads', () => {
  it('are linked from their talk’s page, each to be saved under the talk’s name; a talk without a transcript has none', () => {
    for (const talk of content.talks) {
      const page = parse(readFileSync(join(DIST, 'talks', talk.id, 'index.html'), 'utf8'));
      const links = page.querySelectorAll('.downloads a').map((link) => [link.getAttribute('href'), link.getAttribute('download'), link.textContent]);
      const listed = downloadsFor(talk.id, { present: hasTranscript(talk), timed: expectedFiles(talk).has('webvtt') });
      expect(links, talk.id).toEqual(listed.map((download) => [download.path, download.fileName, download.label]));
    }
    expect(content.talks.some((talk) => !hasTranscript(talk))).toBe(true);
  });

  it('end their subtitles where the talk ends in its recording, as the sources give it', () => {
    const cues = (id: string) =>
      [...readFileSync(join(DIST, 'talks', id, 'transcript.vtt'), 'utf8').matchAll(/^(\S+) --> (\S+)$/gm)].map((match) => [match[1], match[2]]);
    // The whole recording, 38:30 in its caption file; a lightning talk's part, 1:00:31 to 1:07:56 of its session's.
    expect(cues('jan-leike-scaling-rlhf').at(-1)?.[1]).toBe('00:38:30.000');
    expect(cues('vincent-conitzer-foundations-cooperative-ai')[0]?.[0]).toBe('01:00:31.000');
    expect(cues('vincent-conitzer-foundations-cooperative-ai').at(-1)?.[1]).toBe('01:07:56.000');
  });

  it('are beside every talk page with a transcript, at the listed paths, holding the transcript in each format', () => {
    const talks = content.talks.filter(hasTranscript);
    expect(talks.length).toBeGreaterThan(0);
    for (const talk of talks) {
      const files = expectedFiles(talk);
      const listed = downloadsFor(talk.id, { present: true, timed: files.has('webvtt') });
      expect(listed.map((download) => download.format)).toEqual([...files.keys()]);
      for (const download of listed) {
        const path = join(DIST, download.path);
        expect(existsSync(path), `${talk.id}: no ${download.path}`).toBe(true);
        expect(readFileSync(path, 'utf8'), `${talk.id}: ${download.path}`).toBe(files.get(download.format));
      }
      expect(transcriptFiles(talk.id)).toEqual(listed.map((download) => download.file).sort());
    }
  });

  it('give subtitles for the timed workshop talks and not for the untimed interview, essay and post', () => {
    expect(transcriptFiles('jan-leike-scaling-rlhf')).toEqual(['transcript.md', 'transcript.srt', 'transcript.txt', 'transcript.vtt']);
    for (const id of ['jan-leike-superalignment-interview', 'zac-hatfield-dodds-concrete-reasons-for-hope', 'krueger-anwar-llm-safety-research-agenda']) {
      expect(transcriptFiles(id), id).toEqual(['transcript.md', 'transcript.txt']);
    }
  });

  it('are absent for talks without a transcript', () => {
    const without = content.talks.filter((talk) => !hasTranscript(talk));
    expect(without.length).toBeGreaterThan(0);
    for (const talk of without) expect(transcriptFiles(talk.id), talk.id).toEqual([]);
  });

  it('are listed in catalogue.json, by format, at URLs of the site that lead to the files', () => {
    const origin = new URL(catalogue.url).origin;
    const byId = new Map<string, CatalogueTalk>(catalogue.talks.map((talk) => [talk.id, talk]));
    const keys: Record<DownloadFormat, keyof NonNullable<CatalogueTalk['downloads']>> = { text: 'text', markdown: 'markdown', webvtt: 'webvtt', srt: 'srt' };
    for (const talk of content.talks) {
      const listed = byId.get(talk.id)?.downloads;
      if (!hasTranscript(talk)) {
        expect(listed, talk.id).toBeUndefined();
        continue;
      }
      const expected = downloadsFor(talk.id, { present: true, timed: expectedFiles(talk).has('webvtt') });
      expect(listed, talk.id).toEqual(Object.fromEntries(expected.map((download) => [keys[download.format], `${origin}${download.path}`])));
      for (const url of Object.values(listed ?? {})) expect(existsSync(join(DIST, new URL(url).pathname)), url).toBe(true);
    }
  });

  it('have their content types in _headers, for hosts that read it', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toContain(downloadHeaders());
  });
});
