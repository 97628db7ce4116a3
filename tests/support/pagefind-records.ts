import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeCbor } from '../../src/lib/search/cbor.ts';
import { unpackPagefindFile } from '../../src/lib/search/pagefind-files.ts';

/**
 * What a Pagefind index holds, independent of the order its pages were added in: Pagefind numbers
 * pages in that order and writes the numbers into its word and filter files, so two indexes of the
 * same pages can differ in bytes while holding the same records.
 */
export interface IndexRecords {
  /** Each page's fragment (its URL, text, meta, filters, anchors), by URL. */
  pages: Map<string, string>;
  /** Each indexed word's locations, page by page (by URL). */
  words: Map<string, string>;
  /** Each filter value's pages (by URL). */
  filters: Map<string, string>;
  /** Every other file of the index (Pagefind's code, the WebAssembly), by a digest of its bytes. */
  files: Map<string, string>;
}

/** Reads the records of the Pagefind index in `folder` (a site's `pagefind/`). */
export function readIndexRecords(folder: string): IndexRecords {
  const paths = listFiles(folder);
  const metaFile = paths.find((path) => path.endsWith('.pf_meta'));
  if (!metaFile) throw new Error(`no .pf_meta file in ${folder}`);
  const meta = decodeFile(join(folder, metaFile)) as unknown[];
  const pageHashes = (meta[1] as unknown[][]).map((page) => String(page[0]));
  const urls: string[] = [];
  const pages = new Map<string, string>();
  for (const hash of pageHashes) {
    const fragment = JSON.parse(unpackPagefindFile(join(folder, 'fragment', `${hash}.pf_fragment`)).toString('utf8')) as { url: string };
    urls.push(fragment.url);
    pages.set(fragment.url, JSON.stringify(fragment));
  }
  const urlOf = (page: unknown) => urls[Number(page)] ?? `page ${String(page)}`;
  /** A word's pages with its locations on each, by URL; each page is numbered by its difference from the one before. */
  const byUrl = (postings: unknown[][]) => {
    let page = 0;
    return postings.map(([step, ...locations]) => `${urlOf((page += Number(step)))} ${JSON.stringify(locations)}`).sort();
  };
  const words = new Map<string, string>();
  for (const path of paths.filter((file) => file.endsWith('.pf_index'))) {
    for (const [word, postings, variants = []] of (decodeFile(join(folder, path)) as unknown[][])[0] as [string, unknown[][], unknown[][]?][]) {
      // A word's other spellings (with diacritics, say) have pages of their own.
      const spellings = variants.map(([form, pagesOf]) => [form, byUrl(pagesOf as unknown[][])]);
      words.set(word, JSON.stringify([byUrl(postings), spellings]));
    }
  }
  const filters = new Map<string, string>();
  for (const path of paths.filter((file) => file.endsWith('.pf_filter'))) {
    const [name, values] = decodeFile(join(folder, path)) as [string, unknown[][]];
    for (const [value, pagesOf] of values) filters.set(`${name}:${String(value)}`, JSON.stringify((pagesOf as unknown[]).map(urlOf).sort()));
  }
  const files = new Map<string, string>();
  for (const path of paths) {
    if (/\.pf_(meta|index|filter|fragment)$/.test(path)) continue;
    // The entry names the metadata file by a hash that follows the page numbers: left out.
    const bytes =
      path === 'pagefind-entry.json'
        ? JSON.stringify(readFileSync(join(folder, path), 'utf8').replace(/"hash":\s*"[^"]*"/g, ''))
        : readFileSync(join(folder, path));
    files.set(path, createHash('sha1').update(bytes).digest('hex'));
  }
  return { pages, words, filters, files };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function decodeFile(path: string): unknown {
  return decodeCbor(unpackPagefindFile(path));
}
