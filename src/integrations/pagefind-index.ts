import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { SearchIndexFeed, type RenderedPageMessage } from '../lib/search/index-feed.ts';
import { observeRenderedPages } from '../lib/output/rendered-pages.ts';
import { stepsRunBesideAstro } from '../lib/output/site-build-steps.ts';

const NAME = 'archive:pagefind-index';

/**
 * Builds the Pagefind index of the site. Pages mark what is indexed with data-pagefind-body, their
 * filters with data-pagefind-filter, and each transcript passage with data-pagefind-title (its
 * speaker), which Pagefind turns into passage sub-results. Any error Pagefind reports fails the build.
 *
 * Under `npm run build`, the build's own process holds the index (scripts/helpers/site-build.ts): this
 * sends it each indexed page as it is rendered, so Pagefind reads pages while Astro renders the rest,
 * and the index is written once Astro has exited and its memory is free. A bare `astro build`
 * indexes the written pages here, when the build is done.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:build:start': () => {
        const send = process.send?.bind(process);
        if (!stepsRunBesideAstro() || !send) return;
        observeRenderedPages(NAME, (file, html) => {
          if (!html.includes('data-pagefind-body')) return;
          const message: RenderedPageMessage = { kind: 'archive:rendered-page', file, html };
          send(message);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        observeRenderedPages(NAME, undefined);
        if (stepsRunBesideAstro()) return;
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const feed = await SearchIndexFeed.open(pagefind);
        try {
          await feed.matchFolder(siteDir);
          const { pages } = await feed.write(join(siteDir, 'pagefind'));
          logger.info(`indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await feed.close();
        }
      },
    },
  };
}
