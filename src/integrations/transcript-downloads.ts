import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeTranscriptDownloads } from '../lib/export/write-downloads.ts';
import { stepsRunBesideAstro } from '../lib/output/site-build-steps.ts';

/**
 * Writes every talk's transcript downloads into the built site. `npm run build` writes them in a
 * thread beside Astro's process instead (scripts/helpers/site-build.ts); a bare `astro build` writes them
 * here, once its pages are written. The development server answers them from its routes.
 */
export function transcriptDownloads(contentDir: string): AstroIntegration {
  return {
    name: 'archive:transcript-downloads',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (stepsRunBesideAstro()) return;
        const started = performance.now();
        const { written } = writeTranscriptDownloads(contentDir, fileURLToPath(dir));
        logger.info(`${written} transcript downloads written (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
