import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchiveSite } from '../../scripts/helpers/site-build.ts';
import { scratchFolderInProject } from '../support/scratch-folder.ts';
import { ROOT } from '../support/paths.ts';

// `npm run build` never publishes half a site or another archive's pages (scripts/helpers/site-build.ts).
const MINI = join(ROOT, 'tests/fixtures/mini-archive');
const work = scratchFolderInProject(ROOT, 'build-safety-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const quiet = { logLevel: 'error' as const, log: () => undefined };
const pages = (dir: string) =>
  readdirSync(join(dir, 'talks'))
    .filter((name) => existsSync(join(dir, 'talks', name, 'index.html')))
    .sort();

describe('npm run build', () => {
  it('keeps two builds at once apart: each site holds its own archive, whole', async () => {
    // Both use one cache folder, as two builds of one project use Astro's: without the lock they mix.
    const other = join(work, 'other-content');
    cpSync(MINI, other, { recursive: true });
    writeFileSync(
      join(other, 'talks/a-third-talk.md'),
      '---\ntitle: A Third Talk\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\n---\n**Ada:** Only in the other archive.\n',
    );
    const [first, second] = await Promise.all([
      buildArchiveSite({ root: ROOT, contentDir: MINI, outDir: join(work, 'mini'), cacheDir: join(work, 'cache-shared'), ...quiet }),
      buildArchiveSite({ root: ROOT, contentDir: other, outDir: join(work, 'other'), cacheDir: join(work, 'cache-shared'), ...quiet }),
    ]);
    expect(pages(first.outDir)).toEqual(['an-empty-talk', 'notes-on-the-engine']);
    expect(pages(second.outDir)).toEqual(['a-third-talk', 'an-empty-talk', 'notes-on-the-engine']);
    expect(existsSync(join(first.outDir, 'pagefind/pagefind-entry.json')) && existsSync(join(second.outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  }, 240_000);

  it('leaves the last good site as it was when a build is stopped, and the next build clears what it left', async () => {
    const outDir = join(work, 'kept');
    const content = join(work, 'kept-content');
    cpSync(MINI, content, { recursive: true });
    await buildArchiveSite({ root: ROOT, contentDir: content, outDir, cacheDir: join(work, 'cache-kept'), ...quiet });
    const before = readFileSync(join(outDir, 'talks/notes-on-the-engine/index.html'), 'utf8');
    writeFileSync(
      join(content, 'talks/notes-on-the-engine.md'),
      readFileSync(join(content, 'talks/notes-on-the-engine.md'), 'utf8').replace('Notes on the Engine', 'Notes Never Published'),
    );
    // A build in a process group of its own, stopped as Ctrl-C stops it once Astro has started writing pages.
    const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir, '--cacheDir', join(work, 'cache-kept')], {
      cwd: ROOT,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: content },
      detached: true,
      stdio: 'ignore',
    });
    const staging = `${outDir}.building-${child.pid}`;
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(staging, '_astro')) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    expect(existsSync(staging)).toBe(true);
    process.kill(-(child.pid as number), 'SIGKILL');
    await new Promise((done) => child.once('exit', done));
    expect(readFileSync(join(outDir, 'talks/notes-on-the-engine/index.html'), 'utf8')).toBe(before);
    // The next build takes over the stopped build's lock, removes its half-written folder and publishes.
    await buildArchiveSite({ root: ROOT, contentDir: content, outDir, cacheDir: join(work, 'cache-kept'), ...quiet });
    expect(existsSync(staging)).toBe(false);
    expect(readFileSync(join(outDir, 'talks/notes-on-the-engine/index.html'), 'utf8')).toContain('Notes Never Published');
  }, 240_000);

  it('publishes nothing when the build fails, and says why', async () => {
    const outDir = join(work, 'kept');
    const content = join(work, 'kept-content');
    writeFileSync(
      join(content, 'talks/notes-on-the-engine.md'),
      readFileSync(join(content, 'talks/notes-on-the-engine.md'), 'utf8').replace('kind: interview', 'kind: keynote'),
    );
    const before = readFileSync(join(outDir, 'talks/notes-on-the-engine/index.html'), 'utf8');
    let output = '';
    await expect(
      buildArchiveSite({ root: ROOT, contentDir: content, outDir, cacheDir: join(work, 'cache-kept'), logLevel: 'error', log: (text) => (output += text) }),
    ).rejects.toThrow(/the build failed/);
    expect(output).toContain('notes-on-the-engine.md:3: kind: "keynote" is not allowed here');
    expect(readFileSync(join(outDir, 'talks/notes-on-the-engine/index.html'), 'utf8')).toBe(before);
    expect(readdirSync(work).filter((name) => name.startsWith('kept.'))).toEqual([]);
  }, 120_000);
});
