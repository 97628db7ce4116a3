/**
 * How the importer writes into the content folder: only inside it, and all files or none.
 */
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ImportError } from './import-error.ts';

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

/** Every file is written beside its target and renamed over it only when all are written. */
export function writeAtomically(outputs: readonly { path: string; text: string }[], contentDir: string, display: (path: string) => string): void {
  for (const output of outputs) assertInside(output.path, contentDir, display);
  const temporary = outputs.map((output) => `${output.path}.import-${process.pid}.tmp`);
  try {
    outputs.forEach((output, index) => {
      mkdirSync(dirname(output.path), { recursive: true });
      writeFileSync(temporary[index] as string, output.text);
    });
    outputs.forEach((output, index) => renameSync(temporary[index] as string, output.path));
  } finally {
    for (const path of temporary) rmSync(path, { force: true });
  }
}
