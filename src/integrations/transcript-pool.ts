import type { AstroIntegration } from 'astro';
import { useTranscriptPool } from '../lib/transcript/current-pool.ts';
import { TranscriptPool } from '../lib/transcript/transcript-pool.ts';

/**
 * Gives a build threads that parse and render transcripts beside the one Astro renders pages in
 * (src/lib/transcript/transcript-pool.ts). Started here, in the config's module graph, where the
 * threads' module is found on disk; the pages find the pool on the global object.
 */
export function transcriptPool(): AstroIntegration {
  let pool: TranscriptPool | undefined;
  return {
    name: 'archive:transcript-pool',
    hooks: {
      'astro:build:start': () => {
        pool = TranscriptPool.start();
        useTranscriptPool(pool);
      },
      'astro:build:done': async () => {
        useTranscriptPool(undefined);
        await pool?.close();
        pool = undefined;
      },
    },
  };
}
