import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateArchive } from '../content/validate-archive.ts';
import { transcriptDownloads } from './download-texts.ts';

/**
 * Writes every talk's transcript downloads below `siteDir` (`talks/<slug>/transcript.vtt` and so on),
 * made from the content folder as the build reads it. The build runs this beside Astro, in a process of
 * its own, rather than as thousands of Astro routes: the files depend on nothing Astro renders, and
 * the second core is otherwise idle while Astro renders pages. Returns how many files it wrote.
 */
export function writeTranscriptDownloads(contentDir: string, siteDir: string): number {
  const report = validateArchive(contentDir);
  if (report.issues.length > 0) throw new Error(`the content has ${report.issues.length} problem(s); the build reports them`);
  const speakers = new Map(report.speakers.map((entry) => [entry.id, { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases }]));
  let written = 0;
  for (const talk of report.talks) {
    const files = transcriptDownloads({
      id: talk.id,
      get fileText() {
        return readFileSync(talk.file, 'utf8');
      },
      body: talk.body,
      speakers: talk.valid.speakers.flatMap(({ speaker }) => speakers.get(speaker) ?? []),
      voices: talk.valid.voices,
      sources: talk.valid.sources,
    });
    for (const { download, text } of files) {
      // The file's place in the output folder: its address without the site's base.
      const path = join(siteDir, 'talks', talk.id, download.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      written += 1;
    }
  }
  return written;
}
