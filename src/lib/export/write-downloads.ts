import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DerivedStore } from '../cache/derived-store.ts';
import { validateArchive, type ArchiveReport } from '../content/validate-archive.ts';
import { transcriptDownloads } from './download-texts.ts';
import { DOWNLOAD_FILES, keepDownloads, recordDownloads, talkSources } from './kept-downloads.ts';

/** Where a rebuild may take the downloads of unchanged talks from. */
export interface DownloadReuse {
  /** The build's store, which records what each talk's downloads were made from. */
  store: DerivedStore;
  /** The last site, when there is one. */
  lastSite?: string;
}

export interface DownloadsWritten {
  /** Files made from the content. */
  written: number;
  /** Files taken from the last site, their talks unchanged. */
  kept: number;
}

/** Checks the content folder and writes every talk's downloads below `siteDir` (see writeDownloadsOf). */
export function writeTranscriptDownloads(contentDir: string, siteDir: string): DownloadsWritten {
  const report = validateArchive(contentDir);
  if (report.issues.length > 0) throw new Error(`the content has ${report.issues.length} problem(s); the build reports them`);
  return writeDownloadsOf(report, siteDir);
}

/**
 * Writes every checked talk's transcript downloads below `siteDir` (`talks/<slug>/transcript.vtt` and
 * so on). The build writes them beside Astro, in a process of its own (src/lib/output/content-process.ts),
 * rather than as thousands of Astro routes: the files depend on nothing Astro renders, and the second
 * core is otherwise idle while Astro renders pages.
 *
 * Given `reuse`, a talk whose file, speakers and code are as they were when the last site was built
 * has its files linked from that site instead (kept-downloads.ts), and only the other talks' are made.
 */
export function writeDownloadsOf(report: Pick<ArchiveReport, 'talks' | 'speakers'>, siteDir: string, reuse?: DownloadReuse): DownloadsWritten {
  const speakers = new Map(report.speakers.map((entry) => [entry.id, { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases }]));
  const sources = talkSources(report);
  let written = 0;
  let kept = 0;
  report.talks.forEach((talk, index) => {
    const source = sources[index];
    if (reuse?.lastSite !== undefined && source) {
      const files = keepDownloads(reuse.store, source, reuse.lastSite, siteDir);
      if (files !== undefined) {
        kept += files;
        return;
      }
    }
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
    const paths = files.map(({ download, text }) => {
      // The file's place in the output folder: its address without the site's base.
      const path = join(siteDir, 'talks', talk.id, download.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    });
    written += paths.length;
    if (reuse && source) recordDownloads(reuse.store, source, paths);
  });
  reuse?.store.prune([DOWNLOAD_FILES]);
  return { written, kept };
}
