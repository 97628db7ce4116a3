/**
 * Inputs and situations that used to end in a stack trace or a message that misled: a read-only
 * content folder, an empty file, times of 100 hours or more.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importer, ROOT, scratchArchive, snapshot } from './helpers.ts';

const samples = mkdtempSync(join(tmpdir(), 'import-errors-'));
afterAll(() => rmSync(samples, { recursive: true, force: true }));
function sample(name: string, text: string): string {
  const path = join(samples, name);
  writeFileSync(path, text);
  return path;
}
const NEW_TALK = ['--slug', 'new-talk', '--title', 'New', '--kind', 'talk', '--speaker', 'travis'];

describe('the importer says what is wrong, without a stack trace', () => {
  it('when the content folder is read-only, and leaves it as it was', () => {
    const content = scratchArchive();
    const file = sample('hello.txt', 'Travis: Hello there.\n');
    // Root may write anywhere: the import then runs as the unprivileged user "nobody", with a
    // temporary folder of its own for the check's copy (the system's may not admit it).
    const asNobody = process.getuid?.() === 0;
    const temporary = join(samples, 'tmp');
    mkdirSync(temporary);
    chmodSync(temporary, 0o777);
    for (const folder of [samples, join(content, '..')]) chmodSync(folder, 0o755);
    for (const folder of [content, join(content, 'talks')]) chmodSync(folder, 0o555);
    const before = snapshot(content);
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), file, ...NEW_TALK, '--content', content], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, TMPDIR: temporary },
        ...(asNobody && { uid: 65534, gid: 65534 }),
      });
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        /^error: cannot write \S*talks\/new-talk\.md: permission denied \(is the content folder read-only\?\); nothing was written\n$/,
      );
      expect(run.status).toBe(1);
    } finally {
      for (const folder of [content, join(content, 'talks')]) chmodSync(folder, 0o755);
    }
    expect(snapshot(content)).toEqual(before);
  }, 30_000);

  it('when the file is empty, or blank', () => {
    for (const [name, text, what] of [
      ['empty.vtt', '', 'the file is empty'],
      ['blank.txt', ' \n\n\t\n', 'the file is empty (it holds only blank space)'],
    ]) {
      const run = importer(sample(name as string, text as string), ...NEW_TALK, '--content', scratchArchive(), '--check');
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        new RegExp(`^error: \\S*${name}: ${(what as string).replace(/[()]/g, '\\$&')}; expected a transcript, in one of seed, name-colon, `),
      );
    }
  });

  it('when a time is 100 hours or more, at its cue', () => {
    const srt = sample('long.srt', '1\n99:59:58,000 --> 99:59:59,000\nTravis: Nearly there.\n\n2\n100:00:01,000 --> 100:00:04,000\nTravis: Past it.\n');
    const vtt = sample('long.vtt', 'WEBVTT\n\n99:59:50.000 --> 99:59:51.000\nHello there.\n\n100:00:01.000 --> 100:00:04.000\nGeneral remarks.\n');
    for (const [file, place] of [
      [srt, 'cue 2 \\(line 6\\)'],
      [vtt, 'cue 2 \\(line 6\\)'],
    ] as const) {
      const run = importer(file, ...NEW_TALK, '--content', scratchArchive(), '--check');
      expect(run.code).toBe(1);
      expect(run.err).toMatch(
        new RegExp(
          `^error: \\S*long\\.(srt|vtt): ${place}: a time of 100:00:01, 100 hours or more into the recording; the archive's times run to 99:59:59, so check the file's timings$`,
        ),
      );
    }
    const part = importer(srt, '--part', '100:00:00=new-talk', '--content', scratchArchive());
    expect(part.code).toBe(2);
    expect(part.err).toMatch(/^error: --part "100:00:00=new-talk": 100:00:00 is 100 hours or more into the recording/);
  });
});
