import { fork, spawn, type Serializable } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir as defaultContentDir } from '../../src/lib/content/content-dir.ts';
import * as pagefind from 'pagefind';
import { isRenderedPageMessage, SearchIndexFeed } from '../../src/lib/search/index-feed.ts';
import { savedPageOrder, savePageOrder } from '../../src/lib/search/index-page-order.ts';
import { STEPS_BESIDE_ASTRO } from '../../src/lib/output/site-build-steps.ts';
import type { ValidationSummary } from '../../src/lib/content/content-check.ts';
import { isContentCheckRequest, type ContentCheckAnswer } from '../../src/lib/content/content-check-messages.ts';
import type { DownloadsWritten } from '../../src/lib/export/write-downloads.ts';
import type { ContentProcessMessage } from '../../src/lib/output/content-process.ts';
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

/**
 * The archive's build, as `npm run build` runs it:
 *
 * 1. One build at a time per project: two builds at once would share Astro's folders (`.astro/` and
 *    the cache), and one could publish the other's pages. A second build waits for the first.
 * 2. Astro builds the site into a fresh folder beside the output folder, in a process of its own.
 *    Beside it, a process of its own checks the content, once for the whole build, while Astro's
 *    process is starting (which then asks for the result instead of checking again), and from the
 *    same reading writes the transcript downloads (they depend on nothing Astro renders; those of
 *    unchanged talks are linked from the last site). Meanwhile Pagefind reads each page Astro
 *    renders, sent here as it is rendered (src/integrations/pagefind-index.ts). When Astro's cache
 *    holds the last build, most pages will be kept as they were: Pagefind reads those from the last
 *    site while Astro works, and only what Astro renders again replaces them.
 * 3. When Astro has exited, the index is matched against the finished pages (any page that
 *    differs from what Pagefind read is read again; a page gone is taken out) and written, so it
 *    holds exactly what Pagefind's own indexer would find in the new site. Index files the last
 *    site's index shares with the new one are linked in, not compressed again.
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
  const downloads = `${staging}-downloads`;
  const contentDir = resolve(options.contentDir ?? defaultContentDir());
  const cacheDir = resolve(options.cacheDir ?? join(root, 'node_modules', '.astro'));
  let feed: SearchIndexFeed | undefined;
  try {
    removeLeftovers(outDir);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    // The content is checked first, while Astro's process starts; Astro's process asks for the result.
    const content = startContentProcess(contentDir, downloads, { root, cacheDir, ...(existsSync(outDir) && { lastSite: outDir }) });
    // Their failures are reported below, once Astro has settled; until then they must not count as unhandled.
    content.checked.catch(() => undefined);
    content.downloads.catch(() => undefined);
    feed = await SearchIndexFeed.open(pagefind);
    const index = feed;
    const program = astroBuildProgram({
      root,
      outDir: staging,
      ...(options.cacheDir && { cacheDir }),
      ...(options.logLevel && { logLevel: options.logLevel }),
    });
    const environment = { ...buildEnvironment(), [STEPS_BESIDE_ASTRO]: '1', ARCHIVE_CONTENT_DIR: contentDir };
    const onMessage = (message: unknown, reply: (answer: unknown) => void) => {
      if (isRenderedPageMessage(message)) index.add(message.file, message.html);
      else if (isContentCheckRequest(message))
        content.checked.then(
          (summary) => reply({ kind: 'archive:content-checked', summary } satisfies ContentCheckAnswer),
          (error: unknown) =>
            reply({ kind: 'archive:content-checked', error: error instanceof Error ? error.message : String(error) } satisfies ContentCheckAnswer),
        );
    };
    let astroDone = false;
    const astro = runNode([...astroMemoryFlags(), '--input-type=module', '--eval', program], root, environment, log, onMessage).finally(
      () => (astroDone = true),
    );
    const lastSite =
      existsSync(outDir) && existsSync(join(cacheDir, 'incremental-build.json')) ? readLastSite(index, outDir, cacheDir, () => astroDone) : Promise.resolve();
    const downloadsWritten = content.downloads;
    // All settle before any failure is reported, so no process is left writing.
    const [built, read] = await Promise.allSettled([astro, lastSite]);
    if (built.status === 'rejected' || read.status === 'rejected') {
      await Promise.allSettled([downloadsWritten]);
      throw built.status === 'rejected' ? built.reason : (read as PromiseRejectedResult).reason;
    }
    const started = performance.now();
    const sentBeside = index.sent;
    // The index is matched and written from the pages alone, while the downloads may still be written.
    // They go into the site once they are written and the pages matched (they are not pages), while
    // Pagefind writes the index in its own process.
    const matched = index.matchFolder(staging);
    const indexed = matched.then(() => index.write(join(staging, 'pagefind'), join(outDir, 'pagefind')));
    const movedIn = Promise.all([downloadsWritten, matched]).then(() => moveInto(downloads, staging));
    const [written, indexWritten, moved] = await Promise.allSettled([downloadsWritten, indexed, movedIn]);
    if (written.status === 'rejected') throw written.reason;
    if (indexWritten.status === 'rejected') throw indexWritten.reason;
    if (moved.status === 'rejected') throw moved.reason;
    const { pages, keptFiles } = indexWritten.value;
    mkdirSync(cacheDir, { recursive: true });
    savePageOrder(cacheDir, join(staging, 'pagefind'), index.pageOrder);
    const kept = keptFiles > 0 ? `, ${keptFiles} of its files kept from the last build` : '';
    if (options.logLevel !== 'error') {
      const files = written.value;
      log(`transcript downloads: ${files.written + files.kept} files${files.kept > 0 ? ` (${files.kept} kept from the last build)` : ''}\n`);
      log(
        `search index: ${pages} pages (Pagefind read ${sentBeside} while Astro built the site, ${index.sent - sentBeside} after), written ${((performance.now() - started) / 1000).toFixed(1)} s after Astro${kept}\n`,
      );
    }
    swapIn(staging, outDir);
    return { outDir, pages };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  } finally {
    await feed?.close();
    release();
  }
}

/**
 * Gives the index the last site's pages, in the order its index was given them, while Astro builds
 * the new site: most will be kept as they are (see SearchIndexFeed.keepOrderOf).
 */
async function readLastSite(index: SearchIndexFeed, outDir: string, cacheDir: string, stopped: () => boolean): Promise<void> {
  const order = savedPageOrder(cacheDir, join(outDir, 'pagefind'));
  if (order) index.keepOrderOf(order);
  await index.addFolder(outDir, stopped);
}

/**
 * How Astro's process may use memory. Its heap grows by at most half of what is live after each
 * full collection: left to itself, V8 lets a busy process's heap grow to several times what is live
 * before collecting (at 1,000 talks Astro's process reached 1.57 GB with under 0.5 GB live), and
 * that overlaps the search index's 0.45 GB. And its heap may reach three quarters of the machine's
 * memory, where V8's own ceiling is about 4 GB: what Astro holds grows with the archive (about
 * 4.1 GB at 10,000 talks), and a build that fits in the machine must not fail at an arbitrary line.
 */
function astroMemoryFlags(): string[] {
  const heapLimitMb = Math.floor((totalmem() * 0.75) / 2 ** 20);
  return ['--heap-growing-percent=50', `--max-old-space-size=${heapLimitMb}`];
}

/** What a test runner puts in the environment to describe its own mode (Vitest sets DEV=1, MODE=test…). */
const TEST_RUNNER_VARIABLES = new Set(['TEST', 'NODE_ENV', 'DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR']);

/**
 * This process's environment for Astro's. Run from a test, without the test runner's variables: Astro
 * reads the environment into `import.meta.env`, where DEV=1 would make a build behave as the
 * development server. A build made from a test is the build a curator makes.
 */
export function buildEnvironment(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!environment['VITEST']) return { ...environment };
  return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith('VITEST') && !TEST_RUNNER_VARIABLES.has(name)));
}

function runNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  log: (text: string) => void,
  onMessage: (message: unknown, reply: (answer: unknown) => void) => void,
): Promise<void> {
  return new Promise((done, fail) => {
    // V8's serializer, not JSON: each rendered page crosses this channel whole (about 100 MB at 1,000
    // talks), and copying its string cost half what escaping it as JSON did on each side.
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    child.on('message', (message) => onMessage(message, (answer) => child.send(answer as Serializable)));
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output = `${output}${text}`.slice(-64 * 1024);
      log(text);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', fail);
    child.on('close', (code, signal) =>
      code === 0 ? done() : fail(new BuildFailed(signal ? `the build was stopped (${signal})` : `the build failed (exit code ${code})`, output)),
    );
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

/**
 * Starts the build's content process (src/lib/output/content-process.ts): it checks the content, then
 * writes the transcript downloads into `siteDir`, taking those of unchanged talks from the last site.
 * `checked` is the check's summary; `downloads`, how many files it wrote, once it has exited.
 */
function startContentProcess(
  contentDir: string,
  siteDir: string,
  { root, cacheDir, lastSite }: { root: string; cacheDir: string; lastSite?: string },
): { checked: Promise<ValidationSummary>; downloads: Promise<DownloadsWritten> } {
  const program = fileURLToPath(new URL('../../src/lib/output/content-process.ts', import.meta.url));
  // Run where Astro's process runs, so that its messages name files as Astro's would.
  const child = fork(program, [contentDir, siteDir, root, cacheDir, ...(lastSite ? [lastSite] : [])], {
    cwd: root,
    env: buildEnvironment(),
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString()}`.slice(-16 * 1024)));
  let summarised: { done: (summary: ValidationSummary) => void; fail: (error: Error) => void } | undefined;
  const checked = new Promise<ValidationSummary>((done, fail) => (summarised = { done, fail }));
  const downloads = new Promise<DownloadsWritten>((done, fail) => {
    let written: DownloadsWritten | undefined;
    child.on('message', (message: ContentProcessMessage) => {
      if (message.kind === 'archive:content-summary') summarised?.done(message.summary);
      else written = { written: message.written, kept: message.kept };
    });
    const failed = (error: Error) => {
      summarised?.fail(error);
      fail(error);
    };
    child.on('error', failed);
    child.on('close', (code, signal) => {
      if (code !== 0) return failed(new Error(`the content steps failed (${signal ?? `exit code ${code}`}): ${stderr.trim() || 'no message'}`));
      // A promise settles once: when the summary came, this changes nothing.
      summarised?.fail(new Error('the content check ended without a result'));
      if (written) done(written);
      else fail(new Error('writing the transcript downloads ended without a count'));
    });
  });
  return { checked, downloads };
}

/** Moves every file below `from` to the same place below `to`, then removes `from`. */
function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(source, target);
  }
  rmSync(from, { recursive: true, force: true });
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
