import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { ContentIssue } from './content-issue.ts';
import { parseEntryFile, type EntryFile } from './front-matter.ts';

export const COLLECTIONS = ['talks', 'speakers', 'events', 'topics'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** A content file read from disk and split, before schema validation. */
export interface RawEntry extends EntryFile {
  /** The entry's slug: its file name without `.md`. */
  id: string;
  /** Path for messages, relative to the working directory. */
  file: string;
  /** The whole file as text, for content digests. */
  text: string;
}

export interface ReadResult {
  entries: RawEntry[];
  issues: ContentIssue[];
}

/** Reads every `.md` file under `<contentDir>/<collection>`, in subfolders too, in path order. */
export function readCollection(contentDir: string, collection: CollectionName): ReadResult {
  const entries: RawEntry[] = [];
  const issues: ContentIssue[] = [];
  const folder = join(contentDir, collection);
  for (const path of listFiles(folder)) {
    const file = relative(process.cwd(), path) || path;
    if (extname(path) !== '.md') {
      issues.push({ file, message: `only Markdown entries (.md) belong in ${collection}/; rename the file to .md or move it out of the content folder` });
      continue;
    }
    const text = decodeUtf8(readFileSync(path), file, issues);
    if (text === undefined) continue;
    const parsed = parseEntryFile(text, file);
    if ('message' in parsed) issues.push(parsed);
    else entries.push({ ...parsed, id: basename(path, '.md'), file, text });
  }
  return { entries, issues };
}

/** Files below a folder, skipping hidden ones (.gitkeep, .DS_Store); none when the folder is missing. */
export function listFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

function decodeUtf8(bytes: Buffer, file: string, issues: ContentIssue[]): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
    issues.push({ file, line, message: 'the file is not valid UTF-8; re-save it as UTF-8 (for example with iconv -f latin1 -t utf-8)' });
    return undefined;
  }
}
