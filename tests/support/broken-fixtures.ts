import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.ts';

/** The broken fixtures: the valid base archive in `_base/`, and one folder per case. */
export const BROKEN = join(ROOT, 'tests/fixtures/broken');

/** The valid archive every case changes one thing in: `_base/content/`. */
export const BASE = join(BROKEN, '_base');

/** A file of the base archive, changed: each `[text, replacement]` must occur exactly once in it. */
export interface Edited {
  /** The base archive's file it starts from (`content/talks/…`); the entry's own path when left out. */
  from?: string;
  replace?: readonly (readonly [string, string])[];
  /** Text added at the end. */
  append?: string;
  /** Written as Latin-1 (one byte a character, so not UTF-8 once a character is past U+007F) rather than UTF-8. */
  encoding?: 'latin1';
}

/**
 * One entry of a case's folder, over the base archive's: a file's whole text (written as UTF-8) or exact
 * bytes; a file of the base archive, changed; a symbolic link (its target as written); a FIFO (named pipe),
 * which git cannot hold; or `null`, the base archive's file left out (and its folder, when that leaves the
 * folder empty).
 */
export type Entry = string | Uint8Array | Edited | { link: string } | { fifo: true } | null;

/**
 * A case (`<case>/case.ts`, its default export): its entries by path inside the case's folder
 * (`content/talks/notes-on-the-engine.md`; a path outside `content/` is beside the archive, not in it),
 * each written over the base archive's.
 */
export type BrokenCase = Readonly<Record<string, Entry>>;

/** The names of the cases: every folder but `_base`. */
export function brokenCases(): string[] {
  return readdirSync(BROKEN, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
}

/** The message the content check must print for a case, line by line. */
export function expectedMessage(name: string): string[] {
  return readFileSync(join(BROKEN, name, 'expected.txt'), 'utf8')
    .trimEnd()
    .split('\n');
}

/**
 * Writes a case out whole: the base archive with the case's entries over it, in a new folder under the
 * system's temporary folder (or in `into`, which must not exist yet). Returns the folder, which holds
 * `content/` as the case's folder would; the caller removes it.
 */
export async function materialiseBrokenCase(name: string, into?: string): Promise<string> {
  const module = join(BROKEN, name, 'case.ts');
  if (!existsSync(module)) throw new Error(`no broken fixture ${name}: ${module} does not exist`);
  const entries = ((await import(pathToFileURL(module).href)) as { default: BrokenCase }).default;
  const folder = into ?? mkdtempSync(join(tmpdir(), `broken-${name}-`));
  if (into !== undefined) {
    if (existsSync(into)) throw new Error(`${into} exists already; name a folder that does not`);
    mkdirSync(into, { recursive: true });
  }
  try {
    cpSync(BASE, folder, { recursive: true });
    // The changed files are read from the base before anything is written, so that an entry may start
    // from a base file that another entry leaves out or moves.
    const written = Object.entries(entries).map(([path, entry]) => [path, isEdited(entry) ? edited(name, path, entry) : entry] as const);
    for (const [path, entry] of written) {
      const target = join(folder, path);
      rmSync(target, { force: true });
      if (entry === null) continue;
      mkdirSync(dirname(target), { recursive: true });
      if (typeof entry === 'string' || entry instanceof Uint8Array) writeFileSync(target, entry);
      else if ('link' in entry) symlinkSync(entry.link, target);
      else execFileSync('mkfifo', [target]);
    }
    // A folder whose files were all left out goes too, as it would from a folder of files.
    for (const [path] of written.filter(([, entry]) => entry === null)) {
      for (let parent = dirname(join(folder, path)); parent !== folder && readdirSync(parent).length === 0; parent = dirname(parent)) rmdirSync(parent);
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return folder;
}

function isEdited(entry: Entry): entry is Edited {
  return entry !== null && typeof entry === 'object' && !(entry instanceof Uint8Array) && !('link' in entry) && !('fifo' in entry);
}

/** The bytes of a base file changed as the entry says. */
function edited(name: string, path: string, { from = path, replace = [], append = '', encoding }: Edited): Uint8Array {
  let text = readFileSync(join(BASE, from), 'utf8');
  for (const [old, replacement] of replace) {
    const at = text.indexOf(old);
    if (at === -1 || text.indexOf(old, at + 1) !== -1)
      throw new Error(`broken fixture ${name}, ${path}: ${JSON.stringify(old)} must occur exactly once in ${from}`);
    text = text.slice(0, at) + replacement + text.slice(at + old.length);
  }
  text += append;
  // eslint-disable-next-line no-control-regex -- the Latin-1 range starts at U+0000
  if (encoding === 'latin1' && /[^\u0000-\u00ff]/.test(text)) throw new Error(`broken fixture ${name}, ${path}: a character past U+00FF has no Latin-1 byte`);
  return Buffer.from(text, encoding ?? 'utf8');
}

// From the command line, writes a case out to look at or to check by hand, and prints its folder:
//   npx node tests/support/broken-fixtures.ts unknown-label [folder]
if (import.meta.main) {
  const [name, into] = process.argv.slice(2);
  if (!name) {
    console.error(`usage: node tests/support/broken-fixtures.ts <case> [folder]\ncases: ${brokenCases().join(', ')}`);
    process.exit(2);
  }
  console.log(await materialiseBrokenCase(name, into));
}
