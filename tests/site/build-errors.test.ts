import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/helpers/scratch-site.ts';
import { materialiseBrokenCase } from '../support/broken-fixtures.ts';
import { ROOT } from '../support/paths.ts';

const made: string[] = [];

/** A broken fixture written out whole, in a folder of its own. */
async function brokenCase(name: string): Promise<string> {
  const folder = await materialiseBrokenCase(name);
  made.push(folder);
  return folder;
}

/** Text matched as it is in a regular expression. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a build of content with a problem', () => {
  // The check runs in a worker thread inside the build; its message must still reach the reader whole,
  // naming the file as the path from the project's folder, where the build runs.
  it('fails before rendering anything, naming file, line and field', async () => {
    const folder = await brokenCase('broken-yaml');
    await expect(buildSite(join(folder, 'content'))).rejects.toThrow(
      new RegExp(
        `The archive's content has 1 problem:\n {2}${literally(relative(ROOT, join(folder, 'content/talks/notes-on-the-engine.md')))}:2: title: YAML is not valid: Missing closing "quote`,
      ),
    );
  }, 60_000);

  it('stops a bare astro build with the check’s message, no stack trace, and nothing written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'broken-build-'));
    made.push(out);
    writeFileSync(join(out, 'earlier-build.txt'), 'kept');
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const content = join(await brokenCase('unknown-label'), 'content');
    const outcome = await promisify(execFile)(process.execPath, [astro, 'build', '--outDir', out], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: content },
    }).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain('talks/notes-on-the-engine.md:16: transcript label: "Charles" is not one of this talk\'s speakers');
    expect(outcome.output).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual(['earlier-build.txt']);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 60_000);
});
