import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, brokenCases, expectedMessage, materialiseBrokenCase } from '../support/broken-fixtures.ts';
import { ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const CHECK = join(ROOT, 'scripts/check-content.ts');
const made: string[] = [];

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run check` the way a curator does, from the case's folder, on its content/. */
async function check(folder: string): Promise<Outcome> {
  try {
    // Killed after 10 s (the test waits 20 s, so the kill comes first), so that a case that hangs the check (a FIFO, a loop) fails instead of hanging the suite.
    const { stdout, stderr } = await run(process.execPath, [CHECK], {
      cwd: folder,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: 'content' },
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The case written out whole (the base archive with the case's entries over it), in a folder of its own. */
async function caseFolder(name: string): Promise<string> {
  const folder = await materialiseBrokenCase(name);
  made.push(folder);
  return folder;
}

const cases = brokenCases();

afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('the broken fixtures', () => {
  it('cover every kind of bad content the archive knows', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'missing-title',
        'unknown-kind',
        'impossible-date',
        'missing-speaker',
        'missing-topic',
        'missing-event',
        'duplicate-slug',
        'unknown-label',
        'broken-yaml',
        'empty-transcript',
        'wrong-folder',
        'not-utf8',
        'huge-paragraph',
        'mdx-entry',
        'missing-kind',
        'invalid-url',
        'control-character',
        'bidi-control',
        'huge-summary',
        'link-to-device',
        'fifo-entry',
        'link-loop',
        'link-outside',
        'hidden-entry',
        'import-leftover',
      ]),
    );
  });

  it.each(cases)(
    '%s: npm run check fails with the expected message, and no stack trace',
    async (name) => {
      const expected = expectedMessage(name);
      const started = performance.now();
      const outcome = await check(await caseFolder(name));
      const seconds = (performance.now() - started) / 1000;
      expect(outcome.code, outcome.stdout + outcome.stderr).toBe(1);
      expect(outcome.stdout).toBe('');
      const [problems = '', summary = ''] = outcome.stderr.split('\n\n');
      expect(problems.split('\n')).toEqual(expected);
      expect(summary).toMatch(new RegExp(`^${expected.length} problem\\(s\\) in content`));
      // Every problem names its file, and its line where it has one.
      for (const line of expected) expect(line).toMatch(/^content\/[^:]+(:\d+)?: /);
      expect(outcome.stderr).not.toMatch(/^\s+at /m);
      expect(seconds).toBeLessThan(10);
    },
    20_000,
  );

  it('the valid base of the fixtures passes: each case breaks exactly one thing', async () => {
    // _base/ is the archive every case writes its entries over.
    const outcome = await check(BASE);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toMatch(/1 talks, 2 speakers, 1 events, 1 topics, all valid/);
  });
});
