/**
 * How the importer writes into the content folder: only inside it, all files or none, and with
 * temporary files the archive's check never reads. A temporary file beside its target (so that the
 * rename is atomic) is hidden, `.talk.md.import-<pid>.tmp`: were the import killed while writing,
 * a half-written transcript would otherwise sit in talks/ looking like an entry to fix and publish.
 * The next import removes what a killed one left.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ImportError } from './import-error.ts';

/** Where an output's temporary file is written: hidden, beside it. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.import-${pid}.tmp`);
}

/** A temporary file of an import, hidden (written now) or not (by earlier versions), with its process id. */
const TEMPORARY = /^\.?.+\.import-(\d+)\.tmp$/;

/**
 * The path as the file system will resolve it, links in the folders above it followed, even where
 * the file or its folder does not exist yet.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

/** Refuses, before anything is written, a path that would land outside the content folder. */
export function assertInside(path: string, contentDir: string, display: (path: string) => string): void {
  const inside = relative(realPath(contentDir), realPath(path));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new ImportError(`refusing to write ${display(path)}: it is outside the content folder ${display(contentDir)}; nothing was written`, { exitCode: 2 });
  }
}

/**
 * Writes every output beside its target and renames each over its target only when all are
 * written; on any failure no temporary file is left behind. A file system refusal (a read-only
 * folder, a full disk) is said as an error of the input, not as a stack trace.
 */
export function writeAtomically(outputs: readonly { path: string; text: string }[], contentDir: string, display: (path: string) => string): void {
  for (const output of outputs) assertInside(output.path, contentDir, display);
  const temporary = outputs.map((output) => temporaryPath(output.path));
  let renamed = 0;
  try {
    outputs.forEach((output, index) => {
      mkdirSync(dirname(output.path), { recursive: true });
      writeFileSync(temporary[index] as string, output.text);
    });
    for (const [index, output] of outputs.entries()) {
      renameSync(temporary[index] as string, output.path);
      renamed += 1;
    }
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (typeof code !== 'string') throw error;
    // The file the curator knows: the target, not its hidden temporary file.
    const target = outputs[temporary.indexOf(path ?? '')]?.path ?? path ?? outputs[renamed]?.path ?? contentDir;
    const done = renamed === 0 ? 'nothing was written' : `${renamed} of ${outputs.length} files were written before it`;
    throw new ImportError(`cannot write ${display(target)}: ${fileSystemReason(code)}; ${done}`);
  } finally {
    for (const path of temporary) rmSync(path, { force: true });
  }
}

/**
 * Removes the temporary files that imports which were killed left in the talks folder (the
 * process that wrote them is gone), and says which.
 */
export function removeStaleTemporaries(contentDir: string, display: (path: string) => string): string[] {
  const removed: string[] = [];
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) visit(path);
      const pid = TEMPORARY.exec(entry.name)?.[1];
      if (!entry.isFile() || pid === undefined || isRunning(Number(pid))) continue;
      rmSync(path, { force: true });
      removed.push(display(path));
    }
  };
  visit(join(contentDir, 'talks'));
  return removed;
}

/** What a file system error code means for the curator. */
export function fileSystemReason(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (is the content folder read-only?)';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return `the file system refused (${code})`;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
