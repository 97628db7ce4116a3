import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { examinePath, hiddenEntry } from '../content-files.ts';
import type { ContentIssue } from '../content-issue.ts';
import { parseEntryFile } from '../front-matter.ts';
import { COLLECTIONS, type CollectionName } from '../read-collection.ts';
import { collectionOf, SINGULAR } from './collection-schemas.ts';

/**
 * Files directly in the content folder, or in a folder that is not a collection, would be silently
 * ignored. A near miss of a collection's name (talk/, Speakers/) says which folder was meant, and an
 * entry file at the top says which collection it belongs to.
 */
export function strayFiles(contentDir: string): ContentIssue[] {
  return readdirSync(contentDir)
    .sort()
    .filter((name) => name !== 'README.md' && !(COLLECTIONS as readonly string[]).includes(name))
    .flatMap((name): ContentIssue[] => {
      const path = join(contentDir, name);
      const file = relative(process.cwd(), path) || path;
      if (name.startsWith('.')) {
        const hidden = hiddenEntry(path, name);
        return hidden ? [hidden] : [];
      }
      // Examined before anything is read: a FIFO named like an entry would hang the read.
      const found = examinePath(path, contentDir);
      if (found.kind === 'problem') return [found.issue];
      const meant = COLLECTIONS.find((collection) => nearMiss(name, collection));
      if (meant) return [{ file, field: 'folder', message: `is not a collection folder; did you mean ${meant}/? Move its files to ${meant}/ (collections: ${COLLECTIONS.map((c) => `${c}/`).join(', ')})` }];
      const belongs = name.endsWith('.md') && found.kind === 'file' ? collectionOfFile(path) : undefined;
      const where = belongs ? `it reads as a ${SINGULAR[belongs]} entry, so move it to ${belongs}/` : `entries belong in ${COLLECTIONS.map((c) => `${c}/`).join(', ')}`;
      return [{ file, field: 'folder', message: `is not in a collection folder and would be ignored; ${where}` }];
    });
}

/** "talk", "Talks", "speaker" for "speakers": a folder name one letter or a case away from a collection's. */
function nearMiss(name: string, collection: string): boolean {
  const lower = name.toLowerCase();
  return lower === collection || lower === collection.slice(0, -1) || lower === `${collection}s`;
}

/** The collection whose schema accepts a file's front matter, if exactly one does. */
function collectionOfFile(path: string): CollectionName | undefined {
  try {
    const parsed = parseEntryFile(readFileSync(path, 'utf8'), path);
    return 'message' in parsed ? undefined : collectionOf(parsed.data);
  } catch {
    return undefined;
  }
}
