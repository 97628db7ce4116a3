import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchIndexFeed } from '../../src/lib/search/index-feed.ts';
import { filesNamedByIndex, pagefindHash, unpackPagefindFile } from '../../src/lib/search/pagefind-files.ts';
import { readIndexRecords } from '../support/pagefind-records.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pagefind-files-'));
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await pagefind.close();
});

const page = (words: string) => `<!doctype html><html lang="en"><body><main data-pagefind-body><p>${words}</p></main></body></html>`;

async function writeIndex(pages: Record<string, string>, folder: string, lastIndex?: string) {
  const feed = await SearchIndexFeed.open(pagefind);
  for (const [file, words] of Object.entries(pages)) feed.add(file, page(words));
  const written = await feed.write(join(scratch, folder), lastIndex && join(scratch, lastIndex));
  return { ...written, folder: join(scratch, folder) };
}

const hashedFiles = (folder: string) =>
  ['fragment', 'index', 'filter'].flatMap((sub) => {
    try {
      return readdirSync(join(folder, sub)).map((name) => `${sub}/${name}`);
    } catch {
      return [];
    }
  });

describe('the files of the last index, reused', () => {
  it('writes a hash as Pagefind names files: SHA-1, each byte in hex without its leading zero', () => {
    // SHA-1 of "abc" is a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: its byte 0x06 is written "6".
    expect(pagefindHash(Buffer.from('abc'))).toBe('a9993e36476816aba3e25717850c26c9cd0d89d');
  });

  it('keeps the files the new index shares with the last, drops the rest, and holds what a fresh write holds', async () => {
    const before = { 'talks/a/index.html': 'alpha beta gamma', 'talks/b/index.html': 'delta epsilon', 'talks/c/index.html': 'zeta eta' };
    const after = { 'talks/a/index.html': 'alpha beta gamma', 'talks/b/index.html': 'delta epsilon theta', 'talks/d/index.html': 'iota kappa' };
    await writeIndex(before, 'last');
    const fresh = await writeIndex(after, 'fresh');
    const reused = await writeIndex(after, 'reused', 'last');
    expect(reused.keptFiles).toBeGreaterThan(0);
    expect(new Set(hashedFiles(reused.folder))).toEqual(filesNamedByIndex(reused.folder));
    expect(readIndexRecords(reused.folder)).toEqual(readIndexRecords(fresh.folder));
  });

  it('never keeps a file whose name the new index uses for other contents', async () => {
    const pages = { 'talks/a/index.html': 'alpha beta gamma', 'talks/b/index.html': 'delta epsilon' };
    const fresh = await writeIndex(pages, 'fresh-2');
    // A last index holding, under the name of each of the new index's files, other contents.
    const forged = join(scratch, 'forged');
    cpSync(fresh.folder, forged, { recursive: true });
    const names = [...filesNamedByIndex(forged)];
    const other = readFileSync(join(forged, names[0]!));
    for (const name of names.slice(1)) writeFileSync(join(forged, name), other);
    const reused = await writeIndex(pages, 'reused-2', 'forged');
    for (const name of names) {
      const hash = name.slice(name.indexOf('_') + 1, name.lastIndexOf('.'));
      expect(pagefindHash(unpackPagefindFile(join(reused.folder, name))).startsWith(hash), name).toBe(true);
    }
    expect(reused.keptFiles).toBe(1);
    expect(readIndexRecords(reused.folder)).toEqual(readIndexRecords(fresh.folder));
  });
});
