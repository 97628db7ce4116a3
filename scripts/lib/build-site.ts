import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { astroBuildProgram } from './astro-build-program.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the site from another content folder, for tests that need a site of their own (hostile
 * markup, a small archive), and returns the folder it is in; the caller removes it.
 *
 * The site is built below node_modules/.cache/, not in the system's temporary folder: Astro renders
 * pages from intermediate modules it writes into the output folder when that is inside the project
 * (where they can import the project's packages), and into the project's shared .astro/ otherwise,
 * where two builds at once delete each other's. Astro runs in a child process with a cache folder
 * of its own, so it neither reads nor overwrites the content cache of the project's usual build.
 */
export function buildSite(contentDir: string): Promise<string> {
  const parent = join(ROOT, 'node_modules', '.cache', 'archive-sites');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, 'site-'));
  const outDir = join(work, 'dist');
  const cacheDir = join(work, 'cache');
  const program = astroBuildProgram({ root: ROOT, outDir, cacheDir, logLevel: 'error' });
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', program],
      { cwd: ROOT, env: { ...process.env, ARCHIVE_CONTENT_DIR: resolve(contentDir) }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(cacheDir, { recursive: true, force: true });
        if (error) {
          rmSync(work, { recursive: true, force: true });
          fail(new Error(`building ${contentDir} failed:\n${stdout}${stderr}`));
        } else done(outDir);
      },
    );
  });
}

/** Removes a site made by buildSite. */
export function removeSite(outDir: string): void {
  rmSync(resolve(outDir, '..'), { recursive: true, force: true });
}
