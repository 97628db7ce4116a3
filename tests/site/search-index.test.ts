import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = process.env['ARCHIVE_DIST_DIR'] ?? resolve(import.meta.dirname, '../../dist');
const scratch = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the search index', () => {
  // The build hands pages to Pagefind as they are rendered, naming each by the file it becomes.
  // Pagefind's fragment files are named by a hash of each page's indexed record (URL, text, anchors,
  // filters, meta), so the index must hold exactly the fragments of one built from the written pages.
  it('holds the same page records as an index built from the written site', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error('Pagefind could not create an index');
    try {
      const added = await index.addDirectory({ path: DIST });
      expect(added.errors).toEqual([]);
      await index.writeFiles({ outputPath: scratch });
    } finally {
      await pagefind.close();
    }
    const fragments = (folder: string) => readdirSync(join(folder, 'fragment')).sort();
    expect(fragments(join(DIST, 'pagefind')).length).toBeGreaterThan(0);
    expect(fragments(join(DIST, 'pagefind'))).toEqual(fragments(scratch));
  }, 60_000);
});
