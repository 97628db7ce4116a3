import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ContentIssue } from './content-issue.ts';

/**
 * What one path of the content folder is, as the archive reads it: a regular file, a folder (with
 * its real path, links followed), or a problem said in one line. Only regular files are ever read,
 * and symbolic links are followed only to files and folders inside the content folder: a link to
 * /dev/zero once grew the check to 11 GB, a FIFO hung it, a loop made it list forty levels of
 * paths, and a link to a file elsewhere on the machine published that file.
 */
export type ContentPath = { kind: 'file' } | { kind: 'folder'; real: string; link?: string } | { kind: 'problem'; issue: ContentIssue };

/** Where messages say a path is: relative to the working directory, as every content message does. */
export const displayPath = (path: string) => relative(process.cwd(), path) || path;

export function examinePath(path: string, root: string): ContentPath {
  const problem = (message: string): ContentPath => ({ kind: 'problem', issue: { file: displayPath(path), message } });
  let stats: Stats;
  let real = path;
  let link: string | undefined;
  try {
    stats = lstatSync(path);
    if (stats.isSymbolicLink()) {
      link = readlinkSync(path);
      real = realpathSync(path);
      stats = statSync(path);
    } else if (stats.isDirectory()) real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return problem('is a symbolic link that leads back to itself (a loop); remove it');
    return problem(`cannot be read (${systemReason(error)}); a broken symbolic link? Remove it or point it at a file`);
  }
  if (!stats.isFile() && !stats.isDirectory()) {
    const what = stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isCharacterDevice() ? 'a character device' : stats.isBlockDevice() ? 'a block device' : stats.isSocket() ? 'a socket' : 'not a file or folder';
    return problem(link === undefined ? `is ${what}, not a file; only regular files are read: remove it` : `is a symbolic link to ${link}, ${what}, not a file; only regular files are read: remove the link`);
  }
  if (link !== undefined && !inside(real, realRoot(root))) {
    return problem(`is a symbolic link to ${link}, outside the content folder; only files inside it are read, so that nothing else on this machine can be published: copy the file in instead`);
  }
  return stats.isFile() ? { kind: 'file' } : { kind: 'folder', real, ...(link !== undefined && { link }) };
}

/**
 * Regular files below a folder of the content, in path order. Hidden names (.gitkeep, .DS_Store,
 * .git/) are skipped, but a hidden entry file (`.draft.md`, `..md`) is reported: it would silently
 * never be published. A folder is read once: a link back to a folder it is inside of is reported as
 * a loop, a second way into a folder already read as such, so no tree of links can make the walk
 * longer than the folders there are. Problems go to `issues` when given.
 */
export function listFiles(folder: string, issues?: ContentIssue[], root = folder): string[] {
  const files: string[] = [];
  const readAs = new Map<string, string>();
  const walk = (path: string, real: string, ancestors: readonly string[]) => {
    readAs.set(real, path);
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      if (name.startsWith('.')) {
        const hidden = hiddenEntry(child, name);
        if (hidden) issues?.push(hidden);
        continue;
      }
      const found = examinePath(child, root);
      if (found.kind === 'problem') issues?.push(found.issue);
      else if (found.kind === 'file') files.push(child);
      else if (ancestors.includes(found.real) || found.real === real) {
        issues?.push({ file: displayPath(child), message: `is a symbolic link to ${found.link ?? found.real}, a folder it is inside of: a loop; remove the link` });
      } else if (readAs.has(found.real)) {
        issues?.push({ file: displayPath(child), message: `leads to a folder read already as ${displayPath(readAs.get(found.real) as string)} (through a symbolic link): a second way into one folder; remove the link` });
      } else walk(child, found.real, [...ancestors, real]);
    }
  };
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return files;
  }
  walk(folder, real, ancestorsOf(real, realRoot(root)));
  return files;
}

/** A hidden file named like an entry, which the archive would skip without a word. */
export function hiddenEntry(path: string, name: string): ContentIssue | undefined {
  // Emacs keeps a lock file `.#talk.md` beside a file being edited: not an entry.
  if (!/\.mdx?$/i.test(name) || name.startsWith('.#')) return undefined;
  const visible = name.replace(/^\.+/, '');
  const rename = /^\.?mdx?$/i.test(visible) ? 'give it a name, such as my-talk.md' : `rename it to ${visible}`;
  return { file: displayPath(path), field: 'file name', message: `starts with a dot, so the file is hidden and its entry would never be published; ${rename}, or delete it` };
}

/** The real paths of the folders from the content folder down to, not including, `real`. */
function ancestorsOf(real: string, root: string): string[] {
  const ancestors: string[] = [];
  for (let folder = dirname(real); inside(folder, root); folder = dirname(folder)) {
    ancestors.unshift(folder);
    if (folder === root) break;
  }
  return ancestors;
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** The operating system's reason, without the stack: "ENOENT: no such file or directory". */
export function systemReason(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? `${code}: ${String(message).split(',')[0]?.replace(/^\w+: /, '')}` : String(message);
}
