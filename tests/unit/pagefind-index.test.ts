import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, SearchIndexer } from '../../src/lib/search/search-indexer.ts';

/** A stand-in for Pagefind's service that reports errors at one step. */
function fakePagefind(failAt?: 'create' | 'add' | 'empty' | 'write') {
  const index = {
    addHTMLFile: vi.fn(async ({ sourcePath }: { sourcePath: string }) => ({
      errors: failAt === 'add' && sourcePath.startsWith('talks/') ? [`cannot parse ${sourcePath}`] : [],
      file: { url: `/${sourcePath}`, meta: {}, uniqueWords: failAt === 'empty' ? 0 : 40 },
    })),
    writeFiles: vi.fn(async () => ({ errors: failAt === 'write' ? ['disk full'] : [], outputPath: '' })),
  };
  return {
    index,
    close: vi.fn(async () => null),
    createIndex: vi.fn(async () => (failAt === 'create' ? { errors: ['no binary'] } : { errors: [], index })),
  };
}

const site = mkdtempSync(join(tmpdir(), 'index-test-'));
mkdirSync(join(site, 'talks', 'a'), { recursive: true });
mkdirSync(join(site, 'pagefind'), { recursive: true });
writeFileSync(join(site, 'index.html'), '<main data-pagefind-body>home</main>');
writeFileSync(join(site, 'talks', 'a', 'index.html'), '<main data-pagefind-body>talk</main>');
writeFileSync(join(site, 'pagefind', 'ignored.html'), 'not a page');
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('search index', () => {
  it('indexes the written pages by their paths and writes the index beside them', async () => {
    const pagefind = fakePagefind();
    await expect(buildSearchIndex(site, pagefind as never)).resolves.toBe(2);
    expect(pagefind.index.addHTMLFile.mock.calls.map(([file]) => file)).toEqual([
      { sourcePath: 'index.html', content: '<main data-pagefind-body>home</main>' },
      { sourcePath: 'talks/a/index.html', content: '<main data-pagefind-body>talk</main>' },
    ]);
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: join(site, 'pagefind') });
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('takes pages as they are rendered and reads from disk only those it was not given', async () => {
    const pagefind = fakePagefind();
    const indexer = await SearchIndexer.open(pagefind as never);
    indexer.addPage('talks/a/index.html', '<main data-pagefind-body>as rendered</main>');
    expect(pagefind.index.addHTMLFile).toHaveBeenCalledTimes(1);
    await expect(indexer.finish(site)).resolves.toBe(2);
    expect(pagefind.index.addHTMLFile.mock.calls.map(([file]) => file)).toEqual([
      { sourcePath: 'talks/a/index.html', content: '<main data-pagefind-body>as rendered</main>' },
      { sourcePath: 'index.html', content: '<main data-pagefind-body>home</main>' },
    ]);
  });

  it('fails the build when Pagefind cannot create an index', async () => {
    const pagefind = fakePagefind('create');
    await expect(buildSearchIndex(site, pagefind as never)).rejects.toThrow('Pagefind could not create an index: no binary');
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build on any indexing error, naming the page, and writes nothing', async () => {
    const pagefind = fakePagefind('add');
    await expect(buildSearchIndex(site, pagefind as never)).rejects.toThrow(`Pagefind failed while indexing ${site}:\n  talks/a/index.html: cannot parse talks/a/index.html`);
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when no page is marked for indexing', async () => {
    await expect(buildSearchIndex(site, fakePagefind('empty') as never)).rejects.toThrow(`Pagefind found no page with data-pagefind-body in ${site}`);
  });

  it('fails the build when the index cannot be written', async () => {
    await expect(buildSearchIndex(site, fakePagefind('write') as never)).rejects.toThrow('Pagefind failed while writing the index:\n  disk full');
  });
});
