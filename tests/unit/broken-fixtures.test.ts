import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const BROKEN = join(ROOT, 'tests/fixtures/broken');
const CHECK = join(ROOT, 'scripts/check-content.ts');
const made: string[] = [];

/**
 * Cases whose broken file is too big to keep in the repository: the test writes it into a copy of
 * the case. One talk whose transcript is a single 5 MB paragraph, as a transcript pasted without
 * paragraph breaks would be.
 */
const GENERATED: Record<string, Record<string, () => string>> = {
  'huge-paragraph': {
    'content/talks/one-long-paragraph.md': () =>
      // 18 characters of label and 4,999,982 of words: a paragraph of exactly 5,000,000 characters.
      `---\ntitle: One Long Paragraph\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\n---\n**Ada Lovelace:** ${'engine '.repeat(714_283)}x\n`,
  },
  // A transcript pasted into the summary: 1,000,000 characters (10 MB made a 42 MB page).
  'huge-summary': {
    'content/talks/notes-on-the-engine.md': () => `---\ntitle: Notes on the Engine\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\nsummary: ${'engine '.repeat(142_857)}x\n---\n**Ada Lovelace:** The engine.\n`,
  },
};

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run check` the way a curator does, from the case's folder, on its content/. */
async function check(folder: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CHECK], { cwd: folder, env: { ...process.env, ARCHIVE_CONTENT_DIR: 'content' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The case's folder; a copy with its generated files written when it has any. */
function caseFolder(name: string): string {
  const files = GENERATED[name];
  if (!files) return join(BROKEN, name);
  const copy = mkdtempSync(join(tmpdir(), `broken-${name}-`));
  made.push(copy);
  cpSync(join(BROKEN, name), copy, { recursive: true });
  for (const [path, make] of Object.entries(files)) {
    mkdirSync(join(copy, path, '..'), { recursive: true });
    writeFileSync(join(copy, path), make());
  }
  return copy;
}

const cases = readdirSync(BROKEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

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
      ]),
    );
  });

  it.each(cases)('%s: npm run check fails with the expected message, and no stack trace', async (name) => {
    const expected = readFileSync(join(BROKEN, name, 'expected.txt'), 'utf8').trimEnd().split('\n');
    const started = performance.now();
    const outcome = await check(caseFolder(name));
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
  });

  it('the valid base of the fixtures passes: each case breaks exactly one thing', async () => {
    // missing-title with its title restored is the base archive every case is a copy of.
    const folder = mkdtempSync(join(tmpdir(), 'broken-base-'));
    made.push(folder);
    cpSync(join(BROKEN, 'missing-title'), folder, { recursive: true });
    const talk = join(folder, 'content/talks/notes-on-the-engine.md');
    writeFileSync(talk, readFileSync(talk, 'utf8').replace('---\n', '---\ntitle: Notes on the Engine\n'));
    const outcome = await check(folder);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toMatch(/1 talks, 2 speakers, 1 events, 1 topics, all valid/);
  });

  it('stops the build with the same message, writing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'broken-build-'));
    made.push(out);
    writeFileSync(join(out, 'earlier-build.txt'), 'kept');
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const content = join(BROKEN, 'unknown-label/content');
    const outcome = await run(process.execPath, [astro, 'build', '--outDir', out], { cwd: ROOT, env: { ...process.env, ARCHIVE_CONTENT_DIR: content } }).then(
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
