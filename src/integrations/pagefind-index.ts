import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexWrittenSite } from '../lib/search/pagefind-binary.ts';
import { stepsRunBesideAstro } from '../lib/site/site-build-steps.ts';

/**
 * Builds the Pagefind index of the site with Pagefind's own indexer, over the written pages. Pages
 * mark what is indexed with data-pagefind-body, their filters with data-pagefind-filter, and each
 * transcript passage with data-pagefind-title (its speaker), which Pagefind turns into passage
 * sub-results. Any error Pagefind reports fails the build.
 *
 * `npm run build` indexes the site itself once Astro has exited, so that Astro's memory is free by
 * then (scripts/lib/site-build.ts); a bare `astro build` is indexed here, when its pages are written.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (stepsRunBesideAstro()) return;
        const started = performance.now();
        const { pages } = await indexWrittenSite(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
