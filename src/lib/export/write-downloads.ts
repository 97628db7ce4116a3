import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DerivedStore } from '../cache/derived-store.ts';
import { validateArchive } from '../content/validate-archive.ts';
import { transcriptDownloads } from './download-texts.ts';
import { DOWNLOAD_FILES, keepDownloads, recordDownloads, talkSources, type TalkSource } from './kept-downloads.ts';

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

/**
 * Writes every talk's transcript downloads below `siteDir` (`talks/<slug>/transcript.vtt` and so on),
 * made from the content folder as the build reads it. The build runs this beside Astro, in a process of
 * its own, rather than as thousands of Astro routes: the files depend on nothing Astro renders, and
 * the second core is otherwise idle while Astro renders pages.
 *
 * Given `reuse`, a talk whose file, speakers and code are as they were when the last site was built
 * has its files linked from that site instead (kept-downloads.ts), and only the other talks are made
 * again; when none is, the content is not even read past its files' bytes.
 */
export function writeTranscriptDownloads(contentDir: string, siteDir: string, reuse?: DownloadReuse): DownloadsWritten {
  let kept = 0;
  let stale: Map<string, TalkSource> | undefined;
  if (reuse) {
    stale = new Map();
    for (const talk of talkSources(contentDir)) {
      const files = reuse.lastSite === undefined ? undefined : keepDownloads(reuse.store, talk, reuse.lastSite, siteDir);
      if (files === undefined) stale.set(talk.id, talk);
      else kept += files;
    }
  }
  const written = stale?.size === 0 ? 0 : makeDownloads(contentDir, siteDir, reuse?.store, stale);
  reuse?.store.prune([DOWNLOAD_FILES]);
  return { written, kept };
}

/** Makes the downloads of every talk, or of the talks in `only`, recording them in `store`; returns how many files. */
function makeDownloads(contentDir: string, siteDir: string, store?: DerivedStore, only?: ReadonlyMap<string, TalkSource>): number {
  const report = validateArchive(contentDir);
  if (report.issues.length > 0) throw new Error(`the content has ${report.issues.length} problem(s); the build reports them`);
  const speakers = new Map(report.speakers.map((entry) => [entry.id, { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases }]));
  let written = 0;
  for (const talk of report.talks) {
    const source = only?.get(talk.id);
    if (only && !source) continue;
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
    if (store && source) recordDownloads(store, source, paths);
  }
  return written;
}
