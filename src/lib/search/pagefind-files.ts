import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor } from './cbor.ts';

/**
 * Reading and reusing the files of a Pagefind index.
 *
 * Pagefind names each page fragment, word-index chunk and filter file by a hash of its contents,
 * compresses each at its highest level, and does not write a file whose name already exists. Most of
 * a rebuild's index files are those of the last build: linking them into the new index's folder
 * before Pagefind writes spares it compressing them again (most of its writing time). Files of the
 * last index that the new one does not name are removed after, and every file kept is checked
 * against the hash its name gives, so a short hash shared by two contents can never publish the old.
 */

/** The folders of an index whose files are named by their contents. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'] as const;
/** What every compressed Pagefind file starts with, once decompressed. */
const SIGNATURE = 'pagefind_dcd';

/** A Pagefind file's contents: decompressed, without the signature. */
export function unpackPagefindFile(path: string): Buffer {
  const bytes = gunzipSync(readFileSync(path));
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`${path} is not a Pagefind file`);
  return bytes.subarray(SIGNATURE.length);
}

/**
 * Pagefind's hash of a file's contents: SHA-1, each byte in hexadecimal without a leading zero
 * (`0x0a` is written `a`), as Pagefind formats it.
 */
export function pagefindHash(contents: Uint8Array): string {
  let hash = '';
  for (const byte of createHash('sha1').update(contents).digest()) hash += byte.toString(16);
  return hash;
}

/** The metadata of the index in `folder`: what the entry file names for English. */
export function readIndexMeta(folder: string): unknown[] {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
  const metas = Object.values(entry.languages).map(({ hash }) => decodeCbor(unpackPagefindFile(join(folder, `pagefind.${hash}.pf_meta`))) as unknown[]);
  if (metas.length !== 1) throw new Error(`${folder}: an index of ${metas.length} languages, where one was written`);
  return metas[0]!;
}

/** The hash-named files the index in `folder` uses, as `fragment/<hash>.pf_fragment` and the like. */
export function filesNamedByIndex(folder: string): Set<string> {
  const [, pages, chunks, filters] = readIndexMeta(folder) as [unknown, [string][], [unknown, unknown, string][], [string, string][]];
  return new Set([
    ...pages.map(([hash]) => `fragment/${hash}.pf_fragment`),
    ...chunks.map(([, , hash]) => `index/${hash}.pf_index`),
    ...filters.map(([, hash]) => `filter/${hash}.pf_filter`),
  ]);
}

/**
 * Links (or copies, across file systems) the hash-named files of the index in `lastIndex` into
 * `newIndex`, which Pagefind is about to write. Returns the files placed, relative to `newIndex`.
 */
export function placeLastIndexFiles(lastIndex: string, newIndex: string): string[] {
  const placed: string[] = [];
  for (const folder of HASHED_FOLDERS) {
    const from = join(lastIndex, folder);
    if (!existsSync(from)) continue;
    mkdirSync(join(newIndex, folder), { recursive: true });
    for (const name of readdirSync(from)) {
      const file = `${folder}/${name}`;
      try {
        linkSync(join(from, name), join(newIndex, file));
      } catch {
        copyFileSync(join(from, name), join(newIndex, file));
      }
      placed.push(file);
    }
  }
  return placed;
}

/**
 * Which of the files `placed` in `newIndex` have the contents their names give. It reads only those
 * files, so it may run while Pagefind writes the index around them.
 */
export function filesMatchingTheirNames(newIndex: string, placed: readonly string[]): Set<string> {
  return new Set(placed.filter((file) => matchesItsName(join(newIndex, file), file)));
}

/**
 * After Pagefind has written the index in `newIndex` over the files `placed` there beforehand:
 * removes those it does not use, and keeps those it does when they are among `matching` (the files
 * whose contents have the hashes their names give; see filesMatchingTheirNames). Returns how many it
 * kept, and the files used whose contents did not match (removed too): Pagefind must write those again.
 */
export function settlePlacedFiles(
  newIndex: string,
  placed: readonly string[],
  matching: ReadonlySet<string> = filesMatchingTheirNames(newIndex, placed),
): { kept: number; mismatched: string[] } {
  const used = filesNamedByIndex(newIndex);
  const mismatched: string[] = [];
  let kept = 0;
  for (const file of placed) {
    if (used.has(file) && matching.has(file)) {
      kept += 1;
      continue;
    }
    if (used.has(file)) mismatched.push(file);
    rmSync(join(newIndex, file));
  }
  return { kept, mismatched };
}

/** True when the file's contents have the hash its name starts with (`en_1a2b3c4` or longer). */
function matchesItsName(path: string, file: string): boolean {
  const name = file.slice(file.indexOf('/') + 1, file.lastIndexOf('.'));
  const hash = name.slice(name.indexOf('_') + 1);
  return hash.length >= 7 && pagefindHash(unpackPagefindFile(path)).startsWith(hash);
}
