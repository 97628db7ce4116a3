import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stepsRunBesideAstro } from '../lib/output/site-build-steps.ts';

/**
 * Writes every talk's transcript downloads into the built site. `npm run build` writes them in a
 * process beside Astro's instead (scripts/helpers/site-build.ts); a bare `astro build` writes them
 * here, once its pages are written. The development server answers them from its routes.
 */
export function transcriptDownloads(contentDir: string): AstroIntegration {
  return {
    name: 'archive:transcript-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (stepsRunBesideAstro()) return;
        const started = performance.now();
        // Imported here, not with the config: every build loads the config, and this code (the content
        // check, the transcript parser) is needed only by a bare `astro build`.
        const { writeTranscriptDownloads } = await import('../lib/export/write-downloads.ts');
        const { written } = writeTranscriptDownloads(contentDir, fileURLToPath(dir));
        logger.info(`${written} transcript downloads written (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
