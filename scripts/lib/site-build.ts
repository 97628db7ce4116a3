import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { indexWrittenSite } from '../../src/lib/search/pagefind-binary.ts';
import { astroBuildProgram } from './astro-build-program.ts';

export interface SiteBuildOptions {
  /** The project (Astro's root). */
  root: string;
  /** The content folder; default ARCHIVE_CONTENT_DIR, else content/. */
  contentDir?: string;
  /** Where the finished site goes; default dist/ in the project. */
  outDir?: string;
  /** Astro's cache folder, where a rebuild finds what the last build kept; default Astro's own. */
  cacheDir?: string;
  logLevel?: 'error' | 'warn' | 'info';
  /** Where the steps' output goes; default this process's. */
  log?: (text: string) => void;
}

/** Tells the build's search-index integration that the index is made after Astro exits (see below). */
export const INDEX_AFTER_BUILD = 'ARCHIVE_INDEX_AFTER_BUILD';

/**
 * The archive's build, as `npm run build` runs it:
 *
 * 1. One build at a time per project: two builds at once would share Astro's folders (`.astro/` and
 *    the cache), and one could publish the other's pages. A second build waits for the first.
 * 2. Astro builds the site into a fresh folder beside the output folder, in a process of its own.
 * 3. When Astro has exited (so its memory is free), Pagefind's indexer indexes the written pages.
 * 4. Only when all of that succeeded is the new folder swapped in for the old one. A build that
 *    fails or is stopped leaves the last good site as it was, and its folder is removed then or by
 *    the next build.
 */
export async function buildArchiveSite(options: SiteBuildOptions): Promise<{ outDir: string; pages: number }> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, 'dist'));
  const log = options.log ?? ((text: string) => process.stdout.write(text));
  const release = await acquireBuildLock(root, log);
  const staging = `${outDir}.building-${process.pid}`;
  try {
    removeLeftovers(outDir);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    const program = astroBuildProgram({ root, outDir: staging, ...(options.cacheDir && { cacheDir: resolve(options.cacheDir) }), ...(options.logLevel && { logLevel: options.logLevel }) });
    const environment = { ...process.env, [INDEX_AFTER_BUILD]: '1', ...(options.contentDir && { ARCHIVE_CONTENT_DIR: resolve(options.contentDir) }) };
    await runNode(['--input-type=module', '--eval', program], root, environment, log);
    const started = performance.now();
    const { pages } = await indexWrittenSite(staging);
    if (options.logLevel !== 'error') log(`search index: ${pages} pages indexed by Pagefind in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    swapIn(staging, outDir);
    return { outDir, pages };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, log: (text: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output = `${output}${text}`.slice(-64 * 1024);
      log(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? done() : fail(new BuildFailed(signal ? `the build was stopped (${signal})` : `the build failed (exit code ${code})`, output))));
  });
}

/** A failed step, with what it printed last. */
export class BuildFailed extends Error {
  readonly output: string;
  constructor(message: string, output: string) {
    super(`${message}:\n${output.trim()}`);
    this.name = 'BuildFailed';
    this.output = output;
  }
}

/** The new site takes the old one's place: two renames, the old folder removed after. */
function swapIn(staging: string, outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Folders an earlier build left beside the output folder: a stopped build's unfinished site, or an
 * old site a stopped swap had moved aside (put back when the output folder is missing).
 */
function removeLeftovers(outDir: string): void {
  const folder = dirname(outDir);
  if (!existsSync(folder)) return;
  const name = basename(outDir);
  for (const entry of readdirSync(folder)) {
    const previous = entry.startsWith(`${name}.previous-`);
    if (!previous && !entry.startsWith(`${name}.building-`)) continue;
    if (previous && !existsSync(outDir)) renameSync(join(folder, entry), outDir);
    else rmSync(join(folder, entry), { recursive: true, force: true });
  }
}

/** Waits for this project's build lock and takes it; the lock of a process that no longer runs is taken over. */
async function acquireBuildLock(root: string, log: (text: string) => void): Promise<() => void> {
  const folder = join(root, '.astro');
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, 'build.lock');
  let said = false;
  for (;;) {
    try {
      const handle = openSync(lock, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(safeRead(lock));
    if (!Number.isInteger(holder) || holder <= 0 || !isRunning(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (!said) {
      log(`another build of this project is running (process ${holder}); waiting for it to finish\n`);
      said = true;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
