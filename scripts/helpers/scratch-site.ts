import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildArchiveSite } from './site-build.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the site from another content folder, as `npm run build` does, for tests that need a site
 * of their own (hostile markup, a small archive), and returns the folder it is in; the caller
 * removes it. The site and Astro's cache are below node_modules/.cache/, inside the project, where
 * the pages' intermediate modules can import the project's packages; the cache is removed after.
 */
export async function buildSite(contentDir: string): Promise<string> {
  const parent = join(ROOT, 'node_modules', '.cache', 'archive-sites');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, 'site-'));
  const cacheDir = join(work, 'cache');
  let output = '';
  try {
    const { outDir } = await buildArchiveSite({
      root: ROOT,
      contentDir,
      outDir: join(work, 'dist'),
      cacheDir,
      logLevel: 'error',
      log: (text) => (output += text),
    });
    return outDir;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`building ${contentDir} failed:\n${output}${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** Removes a site made by buildSite. */
export function removeSite(outDir: string): void {
  rmSync(resolve(outDir, '..'), { recursive: true, force: true });
}
