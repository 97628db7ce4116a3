import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the site from another content folder into `outDir`, for tests that need a site of their
 * own (hostile markup, a small archive). Runs Astro in a child process with a cache folder of its
 * own, so it neither reads nor overwrites the content cache of the project's usual build.
 */
export function buildSite(contentDir: string, outDir: string): Promise<void> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'archive-build-cache-'));
  const program = `import { build } from 'astro'; await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'error' });`;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', program],
      { cwd: ROOT, env: { ...process.env, ARCHIVE_CONTENT_DIR: resolve(contentDir) }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(cacheDir, { recursive: true, force: true });
        if (error) fail(new Error(`building ${contentDir} failed:\n${stdout}${stderr}`));
        else done();
      },
    );
  });
}
