import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { derivedStore } from '../lib/cache/current-store.ts';
import { listFiles } from '../lib/content/content-files.ts';
import { archiveCountsKept } from '../lib/search/kept-word-counts.ts';
import { useTranscriptPool } from '../lib/transcript/current-pool.ts';
import { TranscriptPool } from '../lib/transcript/transcript-pool.ts';

/**
 * Gives a build threads that parse and render transcripts beside the one Astro renders pages in
 * (src/lib/transcript/transcript-pool.ts). Started here, in the config's module graph, where the
 * threads' module is found on disk; the pages find the pool on the global object. The threads begin
 * at once on counting the words of every talk's file, for the list of the archive's words, unless the
 * last build's counts are kept (the build cache's integration, before this one, opened the store).
 */
export function transcriptPool(contentDir: string): AstroIntegration {
  let pool: TranscriptPool | undefined;
  return {
    name: 'archive:transcript-pool',
    hooks: {
      'astro:build:start': () => {
        pool = TranscriptPool.start();
        useTranscriptPool(pool);
        // The content was checked before the build started: every file of the talks' folder is a talk.
        // A rebuild counts only the transcripts that changed (src/data/word-counts.ts), when it asks.
        const talks = join(contentDir, 'talks');
        if (existsSync(talks) && !archiveCountsKept(derivedStore())) pool.countWordsEarly(listFiles(talks).map((file) => resolve(file)));
      },
      'astro:build:done': async () => {
        useTranscriptPool(undefined);
        await pool?.close();
        pool = undefined;
      },
    },
  };
}
