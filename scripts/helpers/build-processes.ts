/**
 * The processes of `npm run build` beside its own (scripts/helpers/site-build.ts): Astro's, with the
 * environment and memory flags it runs with, and the content process, which checks the content and
 * writes the transcript downloads.
 */
import { fork, spawn, type Serializable } from 'node:child_process';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ValidationSummary } from '../../src/lib/content/content-check.ts';
import type { DownloadsWritten } from '../../src/lib/export/write-downloads.ts';
import type { ContentProcessMessage } from '../../src/lib/output/content-process.ts';

/**
 * How Astro's process may use memory. Its heap grows by at most half of what is live after each
 * full collection: left to itself, V8 lets a busy process's heap grow to several times what is live
 * before collecting (at 1,000 talks Astro's process reached 1.57 GB with under 0.5 GB live), and
 * that overlaps the search index's 0.45 GB. And its heap may reach three quarters of the machine's
 * memory, where V8's own ceiling is about 4 GB: what Astro holds grows with the archive (about
 * 4.1 GB at 10,000 talks), and a build that fits in the machine must not fail at an arbitrary line.
 */
export function astroMemoryFlags(): string[] {
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

export function runNode(
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
export function startContentProcess(
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
