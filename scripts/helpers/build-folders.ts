/**
 * The folders of `npm run build` (scripts/helpers/site-build.ts): its lock, the new site swapped in for
 * the old one, and what a stopped build left beside them.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Moves every file below `from` to the same place below `to`, then removes `from`. */
export function moveInto(from: string, to: string): void {
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
export function swapIn(staging: string, outDir: string): void {
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Folders an earlier build left beside the output folder: a stopped build's unfinished site, or an
 * old site a stopped swap had moved aside (put back when the output folder is missing).
 */
export function removeLeftovers(outDir: string): void {
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
export async function acquireBuildLock(root: string, log: (text: string) => void): Promise<() => void> {
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
