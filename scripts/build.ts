/**
 * `npm run build`: validates the content, builds the site and its search index into a fresh folder,
 * and puts it in dist/ only when all of it succeeded (scripts/helpers/site-build.ts).
 *
 * Usage: node scripts/build.ts [--outDir DIR] [--cacheDir DIR]
 *   --outDir DIR    where the site goes (default dist/)
 *   --cacheDir DIR  Astro's cache folder, where a rebuild finds what the last build kept (default Astro's)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BuildFailed } from './helpers/build-processes.ts';
import { buildArchiveSite } from './helpers/site-build.ts';

const { values } = parseArgs({ options: { outDir: { type: 'string' }, cacheDir: { type: 'string' } } });
try {
  const { outDir, pages } = await buildArchiveSite({
    root: resolve(import.meta.dirname, '..'),
    ...(values.outDir && { outDir: values.outDir }),
    ...(values.cacheDir && { cacheDir: values.cacheDir }),
  });
  console.log(`Built the site into ${outDir}; ${pages} pages are in its search index.`);
} catch (error) {
  // The build printed its own problems; a stack trace into this script would only hide them.
  console.error(error instanceof BuildFailed ? '\nThe build failed; the last good site is as it was.' : String(error));
  process.exitCode = 1;
}
