import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';
import type { SearchRecord } from '../lib/search/search-records.ts';

/** The file `src/pages/search-records.json.ts` writes into the build output. */
export const RECORDS_FILE = 'search-records.json';

type Pagefind = Pick<typeof pagefindApi, 'createIndex' | 'close'>;

/**
 * Builds the Pagefind index from the archive's search records after Astro
 * has written the site, through Pagefind's Node API. Any error Pagefind
 * reports fails the build: a site whose search silently misses pages is
 * worse than no deploy (the astro-pagefind package only logs them).
 */
export function pagefindIndex(pagefind: Pagefind = pagefindApi): AstroIntegration {
  return {
    name: 'archive:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await buildSearchIndex(fileURLToPath(dir), pagefind);
        logger.info(`indexed ${count} search records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}

/** Indexes `<outDir>/search-records.json` into `<outDir>/pagefind/`; returns the record count. */
export async function buildSearchIndex(outDir: string, pagefind: Pagefind): Promise<number> {
  const recordsPath = `${outDir}/${RECORDS_FILE}`;
  const records = JSON.parse(await readFile(recordsPath, 'utf8')) as SearchRecord[];
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    failOn(errors, 'creating the index');
    for (const record of records) {
      const { errors: recordErrors } = await index.addCustomRecord(record);
      failOn(recordErrors, `indexing ${record.url}`);
    }
    const { errors: writeErrors } = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    failOn(writeErrors, 'writing the index');
  } finally {
    await pagefind.close();
  }
  await rm(recordsPath);
  return records.length;
}

function failOn(errors: readonly string[], during: string): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${during}:\n  ${errors.join('\n  ')}`);
}
