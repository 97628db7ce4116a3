import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { downloadsFor, type DownloadFormat, type TalkDownload } from '../lib/export/download-formats.ts';
import { transcriptDownloads } from '../lib/export/download-texts.ts';
import type { Talk } from './archive.ts';
import { transcriptSummary } from './cached-transcript-facts.ts';
import { transcriptBeside } from './parsed-transcripts.ts';

/** The talk's transcript downloads (see downloadsFor). */
export function talkDownloads(talk: Talk): TalkDownload[] {
  if (!talk.hasTranscript) return [];
  return downloadsFor(talk.id, { present: true, timed: transcriptSummary(talk).timed });
}

/**
 * What a download holds (src/lib/export/download-texts.ts), for the development server's
 * routes; a build writes the files beside Astro (src/lib/export/write-downloads.ts).
 */
export function downloadText(talk: Talk, format: DownloadFormat): string {
  const files = transcriptDownloads(
    {
      id: talk.id,
      get fileText() {
        return talk.filePath === undefined ? talk.body : readFileSync(resolve(talk.filePath), 'utf8');
      },
      body: talk.body,
      speakers: talk.speakers.map(({ speaker }) => ({ slug: speaker.id, name: speaker.data.name, aliases: speaker.data.aliases })),
      voices: talk.data.voices,
      sources: talk.data.sources,
    },
    transcriptBeside(talk),
  );
  return files.find(({ download }) => download.format === format)?.text ?? '';
}
