import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, RECORDS_FILE } from '../../src/integrations/pagefind-index.ts';

const record = { url: '/talks/a/#p-1', content: 'Some words.', language: 'en', meta: {}, filters: {} };
const folders: string[] = [];

function outDirWithRecords(): string {
  const folder = mkdtempSync(join(tmpdir(), 'pagefind-'));
  folders.push(folder);
  writeFileSync(join(folder, RECORDS_FILE), JSON.stringify([record, { ...record, url: '/talks/b/' }]));
  return folder;
}

/** A stand-in for Pagefind's service that reports `errors` at one step. */
function fakePagefind(failAt?: 'create' | 'record' | 'write') {
  const index = {
    addCustomRecord: vi.fn(async (added: typeof record) => ({ errors: failAt === 'record' && added.url === '/talks/b/' ? ['bad record'] : [], file: {} })),
    writeFiles: vi.fn(async () => ({ errors: failAt === 'write' ? ['disk full'] : [], outputPath: '' })),
  };
  return {
    index,
    close: vi.fn(async () => null),
    createIndex: vi.fn(async () => (failAt === 'create' ? { errors: ['no binary'] } : { errors: [], index })),
  };
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('buildSearchIndex', () => {
  it('indexes every record, writes the index and removes the records file', async () => {
    const outDir = outDirWithRecords();
    const pagefind = fakePagefind();
    await expect(buildSearchIndex(outDir, pagefind as never)).resolves.toBe(2);
    expect(pagefind.index.addCustomRecord).toHaveBeenCalledTimes(2);
    expect(pagefind.index.writeFiles).toHaveBeenCalledWith({ outputPath: join(outDir, 'pagefind') });
    expect(existsSync(join(outDir, RECORDS_FILE))).toBe(false);
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when Pagefind cannot create an index', async () => {
    const pagefind = fakePagefind('create');
    await expect(buildSearchIndex(outDirWithRecords(), pagefind as never)).rejects.toThrow('Pagefind could not create an index: no binary');
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build on an error for any one record, naming it', async () => {
    const pagefind = fakePagefind('record');
    await expect(buildSearchIndex(outDirWithRecords(), pagefind as never)).rejects.toThrow('Pagefind failed while indexing /talks/b/:\n  bad record');
    expect(pagefind.index.writeFiles).not.toHaveBeenCalled();
    expect(pagefind.close).toHaveBeenCalled();
  });

  it('fails the build when the index cannot be written', async () => {
    await expect(buildSearchIndex(outDirWithRecords(), fakePagefind('write') as never)).rejects.toThrow('Pagefind failed while writing the index:\n  disk full');
  });

  it('fails the build when the records file is missing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pagefind-'));
    folders.push(folder);
    await expect(buildSearchIndex(folder, fakePagefind() as never)).rejects.toThrow(RECORDS_FILE);
  });
});
