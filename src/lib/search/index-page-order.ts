import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The order a site's search index was given its pages, kept in the build's cache folder so the next
 * build can give them in the same order (SearchIndexFeed.keepOrderOf). It is tied to the index it
 * describes by the name Pagefind's entry file gives that index's metadata: against any other index
 * (a site built elsewhere, or by a bare `astro build`) it is not used.
 */
const FILE = 'search-index-order.json';

interface SavedOrder {
  index: string;
  pages: readonly string[];
}

/** Saves the order of the index just written into `indexFolder`. */
export function savePageOrder(cacheDir: string, indexFolder: string, pages: readonly string[]): void {
  writeFileSync(join(cacheDir, FILE), JSON.stringify({ index: indexName(indexFolder), pages } satisfies SavedOrder));
}

/** The order saved for the index in `indexFolder`, or undefined when none was saved for that index. */
export function savedPageOrder(cacheDir: string, indexFolder: string): string[] | undefined {
  const path = join(cacheDir, FILE);
  if (!existsSync(path) || !existsSync(join(indexFolder, 'pagefind-entry.json'))) return undefined;
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedOrder;
    return saved.index === indexName(indexFolder) && Array.isArray(saved.pages) ? saved.pages.filter((page) => typeof page === 'string') : undefined;
  } catch {
    return undefined; // unreadable: the pages are given in path order, which is only slower
  }
}

function indexName(indexFolder: string): string {
  const entry = JSON.parse(readFileSync(join(indexFolder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  return Object.values(entry.languages ?? {})
    .map((language) => language.hash ?? '')
    .join(' ');
}
