import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';

type Pagefind = Pick<typeof pagefindApi, 'createIndex' | 'close'>;

/**
 * Builds the Pagefind index over the written site, through Pagefind's Node
 * API. Pages mark what is indexed with data-pagefind-body, their filters
 * with data-pagefind-filter, and each transcript passage with
 * data-pagefind-title (its speaker), which Pagefind turns into passage
 * sub-results. Any error Pagefind reports fails the build: a site whose
 * search silently misses pages is worse than no deploy (the astro-pagefind
 * package only logs them).
 */
export function pagefindIndex(pagefind: Pagefind = pagefindApi): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const pages = await buildSearchIndex(fileURLToPath(dir), pagefind);
        logger.info(`indexed ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}

/** Indexes the HTML under `outDir` into `<outDir>/pagefind/`; returns the number of pages indexed. */
export async function buildSearchIndex(outDir: string, pagefind: Pagefind): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    failOn(errors, 'creating the index');
    const added = await index.addDirectory({ path: outDir });
    failOn(added.errors, `indexing ${outDir}`);
    if (added.page_count === 0) throw new Error(`Pagefind found no page with data-pagefind-body in ${outDir}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    failOn(written.errors, 'writing the index');
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

function failOn(errors: readonly string[], during: string): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${during}:\n  ${errors.join('\n  ')}`);
}
