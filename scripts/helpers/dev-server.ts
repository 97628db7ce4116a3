import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { buildEnvironment } from './build-processes.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface DevServer {
  url: string;
  /** Everything the server has printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * `npm run dev` on another content folder, in a child process with a cache folder of its own, on a
 * free port; resolves once the home page renders.
 */
export async function startDevServer(contentDir: string, { timeoutMs = 90_000 } = {}): Promise<DevServer> {
  const port = await freePort();
  const cacheDir = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'archive-dev-'));
  const program = `import { dev } from ${JSON.stringify(import.meta.resolve('astro'))}; await dev(${JSON.stringify({ root: ROOT, cacheDir, server: { port, host: '127.0.0.1' }, logLevel: 'info' })});`;
  // The server runs as a curator's would, not in the test runner's mode.
  const environment = buildEnvironment();
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '--eval', program], {
    cwd: ROOT,
    env: { ...environment, ARCHIVE_CONTENT_DIR: resolve(contentDir) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(cacheDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the development server stopped:\n${printed}`);
    try {
      // Until the first page renders: on a first start Vite optimises dependencies and answers with errors.
      if ((await fetch(`${url}/`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the development server did not answer within ${timeoutMs / 1000} s:\n${printed}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return { url, output: () => printed, stop };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
