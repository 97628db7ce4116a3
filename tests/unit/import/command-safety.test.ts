/**
 * The importer writes nothing outside the content folder, whatever its command line says: every
 * slug given is checked before anything happens, and every path it writes is resolved and refused
 * when outside. (--check writes only its copy of the archive, in the system's temporary folder.)
 * An import killed while writing leaves only a hidden temporary file, which the check never reads
 * and the next import removes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateArchive } from '../../../src/lib/content/validate-archive.ts';
import { temporaryPath } from '../../../src/lib/import/write-files.ts';
import { FIXTURE_ARCHIVE, importer, scratchArchive, snapshot } from './helpers.ts';

const sandbox = mkdtempSync(join(tmpdir(), 'import-safety-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

const transcript = join(sandbox, 'transcript.txt');
writeFileSync(transcript, 'Travis: Hello there.\n\nSarah: Hello.\n');

/** A content folder two levels inside the sandbox, so that `../..` stays in it. */
function deepArchive(): string {
  const content = join(mkdtempSync(join(sandbox, 'deep-')), 'a', 'b', 'content');
  cpSync(FIXTURE_ARCHIVE, content, { recursive: true });
  mkdirSync(join(content, 'talks'));
  return content;
}

const NEW_TALK = ['--title', 'Escape', '--kind', 'talk', '--speaker', 'travis'];

describe('the importer’s command line cannot write outside the content folder', () => {
  it('refuses a --slug that is not a slug, with --check or without, before writing anything anywhere', () => {
    const escape = `escape-${process.pid}`;
    for (const check of [['--check'], []]) {
      const content = deepArchive();
      const before = snapshot(content);
      const run = importer(transcript, '--slug', `../../${escape}`, ...NEW_TALK, '--content', content, ...check);
      expect(run.code).toBe(2);
      expect(run.err).toBe(
        `error: --slug "../../${escape}" is not a slug: write lower-case letters, digits and single hyphens (at most 100 characters), such as "ada-lovelace-engines"\nRun with --help for the options.`,
      );
      expect(snapshot(content)).toEqual(before);
    }
    // Where the two levels up would have led: beside the content folder, and beside the check's copy (in the
    // temporary folder itself: other tests make and remove folders below it meanwhile, so only its top is read).
    const written = [...readdirSync(sandbox, { recursive: true, encoding: 'utf8' }), ...readdirSync(tmpdir())].filter((name) => name.includes(escape));
    expect(written).toEqual([]);
  });

  it.each([
    ['--talk', ['--talk', '../talks/x']],
    ['--speaker', ['--slug', 'fine', '--title', 'T', '--kind', 'talk', '--speaker', '../../x:host']],
    ['--event', ['--slug', 'fine', ...NEW_TALK, '--event', 'a/b']],
    ['--session', ['--slug', 'fine', ...NEW_TALK, '--session', 'Main Session']],
    ['--part', ['--part', '0:00=/etc/x']],
    ['--slug', ['--slug', 'x'.repeat(101), ...NEW_TALK]],
  ])('refuses a %s that is not a slug', (option, args) => {
    const run = importer(transcript, ...args, '--content', scratchArchive());
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^error: ${option} ".*" is not a slug`));
  });

  it('refuses to write through a talks folder that links outside the content folder', () => {
    const content = scratchArchive();
    const elsewhere = mkdtempSync(join(sandbox, 'elsewhere-'));
    rmSync(join(content, 'talks'), { recursive: true });
    symlinkSync(elsewhere, join(content, 'talks'));
    for (const check of [['--check'], []]) {
      const run = importer(transcript, '--slug', 'fine', ...NEW_TALK, '--content', content, ...check);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^error: refusing to write \S*talks\/fine\.md: it is outside the content folder \S+; nothing was written/);
    }
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(content, 'talks', 'fine.md'))).toBe(false);
  });
});

describe('what a stopped import leaves', () => {
  /** The id of a process that has ended. */
  const endedProcess = () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    return child.pid;
  };

  it('is a hidden temporary file, which the check does not read', () => {
    const content = scratchArchive();
    const talk = join(content, 'talks', 'cut-short.md');
    const temporary = temporaryPath(talk, 4242);
    expect(basename(temporary)).toBe('.cut-short.md.import-4242.tmp');
    writeFileSync(temporary, '---\ntitle: Cut Sh');
    expect(validateArchive(content).issues).toEqual([]);
  });

  it('is removed by the next import, and kept while its import still runs or with --check', () => {
    const content = scratchArchive();
    const ended = endedProcess();
    const stale = [join(content, 'talks', `.stopped.md.import-${ended}.tmp`), join(content, 'talks', `older.md.import-${ended}.tmp`)];
    const running = join(content, 'talks', '.running.md.import-1.tmp');
    for (const path of [...stale, running]) writeFileSync(path, '---\ntitle: Half');
    expect(importer(transcript, '--slug', 'first', ...NEW_TALK, '--content', content, '--check').code).toBe(0);
    expect(stale.every((path) => existsSync(path))).toBe(true);
    const run = importer(transcript, '--slug', 'first', ...NEW_TALK, '--content', content);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`removed what a stopped import left half-written: ${stale.map((path) => relative(process.cwd(), path)).join(', ')}`);
    expect(stale.some((path) => existsSync(path))).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(readdirSync(join(content, 'talks')).sort()).toEqual(['.running.md.import-1.tmp', 'first.md']);
  });
});
