import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { decodeUtf8Text } from '../decode-utf8.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { ContentIssue } from './content-issue.ts';
import { examinePath, listFiles, systemReason } from './content-files.ts';
import { parseEntryFile, type EntryFile } from './front-matter.ts';

export const COLLECTIONS = ['talks', 'speakers', 'events', 'topics'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** A content file read from disk and split, before schema validation. */
export interface RawEntry extends EntryFile {
  /** The entry's slug: its file name without `.md`. */
  id: string;
  /** Path for messages, relative to the working directory. */
  file: string;
  /** A hash of the whole file, which changes whenever the file does (the content layer's digest). */
  digest: string;
}

export interface ReadResult {
  entries: RawEntry[];
  issues: ContentIssue[];
  /** Slugs of every `.md` file found, read or not: a reference to a broken file is not a reference to a missing one. */
  slugs: Set<string>;
}

// Kept here too: tests and scripts list the files of a folder as the archive reads them.
export { listFiles } from './content-files.ts';

/** Reads every `.md` file under `<contentDir>/<collection>`, in subfolders too, in path order (see content-files.ts for which). */
export function readCollection(contentDir: string, collection: CollectionName): ReadResult {
  const entries: RawEntry[] = [];
  const issues: ContentIssue[] = [];
  const slugs = new Set<string>();
  const folder = join(contentDir, collection);
  const found = isPresent(folder) ? examinePath(folder, contentDir) : undefined;
  if (found?.kind === 'problem') issues.push(found.issue);
  const paths = found?.kind === 'folder' ? listFiles(folder, issues, contentDir) : [];
  for (const path of paths) {
    const file = relative(process.cwd(), path) || path;
    if (extname(path).toLowerCase() === '.mdx') {
      issues.push({
        file,
        field: 'file name',
        message: `content entries cannot be MDX: MDX runs code, and is only for pages the maintainers write in src/pages/; rename the file to .md (any HTML or script in it is then shown as text, never run)`,
      });
      continue;
    }
    if (extname(path) !== '.md') {
      issues.push({ file, field: 'file name', message: notAnEntry(basename(path), collection) });
      continue;
    }
    slugs.add(basename(path, '.md'));
    let bytes: Buffer;
    try {
      // Measured before reading: a file of gigabytes would be read whole only to be refused.
      const size = statSync(path).size;
      if (size > LIMITS.fileBytes) {
        issues.push({ file, message: `the file is ${megabytes(size)} MB; an entry may be at most ${megabytes(LIMITS.fileBytes)} MB (the longest transcript in the seed archive is 0.16 MB): split it, or check that it is the file you meant` });
        continue;
      }
      bytes = readFileSync(path);
    } catch (error) {
      issues.push({ file, message: `cannot be read (${systemReason(error)}); check that the file exists and is readable` });
      continue;
    }
    const text = decodeUtf8(bytes, file, issues);
    if (text === undefined) continue;
    const parsed = parseEntryFile(text, file);
    if ('message' in parsed) issues.push(parsed);
    // The text itself is not kept: validation holds every entry at once, and at thousands of talks
    // a second copy of every transcript made the garbage collector most of its time.
    else entries.push({ ...parsed, id: basename(path, '.md'), file, digest: createHash('sha1').update(bytes).digest('base64url') });
  }
  return { entries, issues, slugs };
}

/**
 * What to do about a file in a collection that is not an entry. Renaming is the fix for notes.txt,
 * never for a temporary file or a backup: an import killed while writing left
 * `talk.md.import-<pid>.tmp`, cut short, and the advice to rename it would have published that.
 */
function notAnEntry(name: string, collection: CollectionName): string {
  if (/\.import-\d+\.tmp$/.test(name)) return 'is a temporary file of an import that was stopped before it finished, and may be cut short; delete it (never rename it to .md) and run the import again';
  if (/(\.(tmp|temp|bak|orig|swp|swo)|~)$/i.test(name)) return 'is a temporary or backup file; delete it or move it out of the content folder (renaming it to .md would publish an old or partial copy)';
  return `only Markdown entries (.md) belong in ${collection}/; rename the file to .md or move it out of the content folder`;
}

/** Whether anything is at a path, a broken link included (which existsSync would call absent). */
function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const megabytes = (bytes: number) => (bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 });

function decodeUtf8(bytes: Buffer, file: string, issues: ContentIssue[]): string | undefined {
  const decoded = decodeUtf8Text(bytes);
  if ('text' in decoded) return decoded.text;
  issues.push({ file, line: decoded.line, message: decoded.message });
  return undefined;
}
