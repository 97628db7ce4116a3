import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { readIndexRecords } from '../support/pagefind-records.ts';
import { DIST } from '../support/paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the search index', () => {
  // The build hands pages to Pagefind as they are rendered (and, on a rebuild, the last site's pages
  // before that), naming each by the file it becomes, then matches the index against the written
  // site. It must hold exactly what Pagefind's own reading of the written site holds: each page's
  // record (URL, text, anchors, filters, meta), each word's locations and each filter's pages.
  it('holds the same records as an index Pagefind builds from the written site', async () => {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error('Pagefind could not create an index');
    try {
      const added = await index.addDirectory({ path: DIST });
      expect(added.errors).toEqual([]);
      await index.writeFiles({ outputPath: scratch });
    } finally {
      await pagefind.close();
    }
    const built = readIndexRecords(join(DIST, 'pagefind'));
    const fromDisk = readIndexRecords(scratch);
    expect(built.pages.size).toBeGreaterThan(50);
    expect(built.words.size).toBeGreaterThan(1000);
    expect(built.pages).toEqual(fromDisk.pages);
    expect(built.words).toEqual(fromDisk.words);
    expect(built.filters).toEqual(fromDisk.filters);
    expect(built.files).toEqual(fromDisk.files);
  }, 60_000);
});
