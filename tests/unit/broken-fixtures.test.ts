import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const BROKEN = join(ROOT, 'tests/fixtures/broken');
const CHECK = join(ROOT, 'scripts/check-content.ts');
const made: string[] = [];

/**
 * What the test writes into a copy of a case: a file's text, a symbolic link (its target as written),
 * or a FIFO. Some broken files are too big to keep in the repository, and git cannot hold a FIFO.
 */
type Made = (() => string) | { link: string } | 'fifo';

/**
 * Cases whose broken file the test makes in a copy of the case. One talk whose transcript is a
 * single 5 MB paragraph, as a transcript pasted without paragraph breaks would be; files a pull
 * request could add that once hung the check or grew it to gigabytes: a link to /dev/zero, a FIFO,
 * links that loop; and a link to a file outside the content folder, which was published.
 */
const GENERATED: Record<string, Record<string, Made>> = {
  'huge-paragraph': {
    'content/talks/one-long-paragraph.md': () =>
      // 18 characters of label and 4,999,982 of words: a paragraph of exactly 5,000,000 characters.
      `---\ntitle: One Long Paragraph\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\n---\n**Ada Lovelace:** ${'engine '.repeat(714_283)}x\n`,
  },
  // A transcript pasted into the summary: 1,000,000 characters (10 MB made a 42 MB page).
  'huge-summary': {
    'content/talks/notes-on-the-engine.md': () => `---\ntitle: Notes on the Engine\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\nsummary: ${'engine '.repeat(142_857)}x\n---\n**Ada Lovelace:** The engine.\n`,
  },
  'link-to-device': { 'content/talks/zero.md': { link: '/dev/zero' } },
  'fifo-entry': { 'content/talks/pipe.md': 'fifo' },
  'link-loop': { 'content/talks/up': { link: '..' }, 'content/talks/1843/here': { link: '.' }, 'content/talks/1843/again': { link: '.' } },
  'link-outside': { 'secret.txt': () => 'A private note that must never be published.\n', 'content/talks/secret.md': { link: '../../secret.txt' } },
};

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run check` the way a curator does, from the case's folder, on its content/. */
async function check(folder: string): Promise<Outcome> {
  try {
    // Killed after 10 s (the test waits 20 s, so the kill comes first), so that a case that hangs the check (a FIFO, a loop) fails instead of hanging the suite.
    const { stdout, stderr } = await run(process.execPath, [CHECK], { cwd: folder, env: { ...process.env, ARCHIVE_CONTENT_DIR: 'content' }, timeout: 10_000, killSignal: 'SIGKILL' });
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
  for (const [path, made] of Object.entries(files)) {
    mkdirSync(join(copy, path, '..'), { recursive: true });
    if (made === 'fifo') execFileSync('mkfifo', [join(copy, path)]);
    else if (typeof made === 'object') symlinkSync(made.link, join(copy, path));
    else writeFileSync(join(copy, path), made());
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
        'link-to-device',
        'fifo-entry',
        'link-loop',
        'link-outside',
        'hidden-entry',
        'import-leftover',
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
  }, 20_000);

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
});
