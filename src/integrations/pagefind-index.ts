import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';
import { observeRenderedPages } from '../lib/site/rendered-pages.ts';
import { SearchIndexer, type PagefindService } from '../lib/search/search-indexer.ts';

const NAME = 'archive:pagefind-index';

/**
 * Builds the Pagefind index of the site through Pagefind's Node API. Pages mark what is indexed
 * with data-pagefind-body, their filters with data-pagefind-filter, and each transcript passage
 * with data-pagefind-title (its speaker), which Pagefind turns into passage sub-results.
 *
 * Pages reach the index as they are rendered (src/lib/site/rendered-pages.ts), so Pagefind's
 * process parses them while Astro renders the rest; when the pages are written, any not seen that
 * way is read from disk and the index is written. Any error Pagefind reports fails the build (the astro-pagefind
 * package only logs them).
 */
export function pagefindIndex(pagefind: PagefindService = pagefindApi): AstroIntegration {
  let indexer: SearchIndexer | undefined;
  return {
    name: NAME,
    hooks: {
      'astro:build:start': async () => {
        indexer = await SearchIndexer.open(pagefind);
        const receiving = indexer;
        observeRenderedPages(NAME, (file, html) => receiving.addPage(file, html));
      },
      'astro:build:done': async ({ dir, logger }) => {
        observeRenderedPages(NAME, undefined);
        const started = performance.now();
        const current = indexer ?? (await SearchIndexer.open(pagefind));
        indexer = undefined;
        const pages = await current.finish(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages; the index took ${((performance.now() - started) / 1000).toFixed(1)} s after the last page was written`);
      },
    },
  };
}
