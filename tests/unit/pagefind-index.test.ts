import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/pagefind-index.ts';

/** A stand-in for Pagefind's service that reports errors at one step. */
function fakePagefind(failAt?: 'create' | 'directory' | 'empty' | 'write') {
  const index = {
    addDirectory: vi.fn(async () => ({ errors: failAt === 'directory' ? ['cannot read talks/x/index.html'] : [], page_count: failAt === 'empty' ? 0 : 12 })),
    writeFiles: vi.fn(async () => ({ errors: failAt === 'write' ? ['disk full'] : [], outputPath: '' })),
  };
  return {
    index,
    close: vi.fn(async () => null),
    createIndex: vi.fn(async () => (failAt === 'create' ? { errors: ['no binary'] } : { errors: [], index })),
  };
}

describe('buildSearchIndex', () => {
  it('indexes the built site and writes the index beside it', async () => {
    const pagefind = fakePagefind();
    await expect(buildSearchIndex('/site', pagefind as never)).resolves.toBe(12);
    expect(pagefind.index.addDirectory).toHaveBeenCalledWith({ path: '/site' });
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/pagefind' });
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when Pagefind cannot create an index', async () => {
    const pagefind = fakePagefind('create');
    await expect(buildSearchIndex('/site', pagefind as never)).rejects.toThrow('Pagefind could not create an index: no binary');
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build on any indexing error, naming it, and writes nothing', async () => {
    const pagefind = fakePagefind('directory');
    await expect(buildSearchIndex('/site', pagefind as never)).rejects.toThrow('Pagefind failed while indexing /site:\n  cannot read talks/x/index.html');
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when no page is marked for indexing', async () => {
    await expect(buildSearchIndex('/site', fakePagefind('empty') as never)).rejects.toThrow('Pagefind found no page with data-pagefind-body in /site');
  });

  it('fails the build when the index cannot be written', async () => {
    await expect(buildSearchIndex('/site', fakePagefind('write') as never)).rejects.toThrow('Pagefind failed while writing the index:\n  disk full');
  });
});
