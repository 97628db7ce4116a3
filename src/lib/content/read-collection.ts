import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).toString('latin1').split('\n').length;
    const byte = bytes[offset] ?? 0;
    // A Latin-1 or Windows-1252 file has letters such as é (0xE9) where UTF-8 needs two bytes.
    const guess = byte >= 0xa0 ? ` ("${Buffer.from([byte]).toString('latin1')}" in Latin-1)` : '';
    issues.push({
      file,
      line,
      message: `the file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}${guess} on this line is not UTF-8 text; re-save the file as UTF-8 (in an editor, or with iconv -f latin1 -t utf-8)`,
    });
    return undefined;
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 character (runs only for broken files). */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    // The second byte's range is narrower after some lead bytes (no overlong forms, no surrogates).
    const second = bytes[index + 1] as number;
    const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next += 1) {
      if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return 0;
}
