import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the build derives from content files, kept between builds in the project's cache folder:
 * one JSON file per kind of fact and file digest, below a folder named by the code version that
 * made it. A file whose bytes are unchanged, read by the same code, gives the same facts, so they
 * are taken from here instead of worked out again; any change to either makes a new key. Nothing
 * is read from another version's folder, and those are removed when a build opens the store.
 */
export class DerivedStore {
  readonly #folder: string;
  readonly #used = new Map<string, Set<string>>();

  private constructor(folder: string) {
    this.#folder = folder;
  }

  /** The store of this code version below `root`; older versions' folders are removed. */
  static open(root: string, version: string): DerivedStore {
    mkdirSync(join(root, version), { recursive: true });
    for (const name of readdirSync(root)) if (name !== version) rmSync(join(root, name), { recursive: true, force: true });
    return new DerivedStore(join(root, version));
  }

  get<T>(kind: string, key: string): T | undefined {
    this.#use(kind, key);
    try {
      return JSON.parse(readFileSync(this.#path(kind, key), 'utf8')) as T;
    } catch {
      // Not made yet, or left half written by a build that was stopped: worked out again.
      return undefined;
    }
  }

  /** Whether facts of this kind are kept for `key` (not read, nor counted as used). */
  has(kind: string, key: string): boolean {
    return existsSync(this.#path(kind, key));
  }

  set(kind: string, key: string, value: unknown): void {
    this.#use(kind, key);
    mkdirSync(join(this.#folder, kind), { recursive: true });
    // Written whole under a temporary name, then renamed: a reader never sees half a file.
    const path = this.#path(kind, key);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, path);
  }

  /**
   * Removes what this build neither read nor wrote of the given kinds (every kind when none is
   * given): the facts of files that changed or went away.
   */
  prune(kinds?: readonly string[]): number {
    let removed = 0;
    for (const kind of kinds ?? safeReaddir(this.#folder)) {
      const used = this.#used.get(kind) ?? new Set<string>();
      for (const name of safeReaddir(join(this.#folder, kind))) {
        if (used.has(name)) continue;
        rmSync(join(this.#folder, kind, name), { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #use(kind: string, key: string): void {
    let keys = this.#used.get(kind);
    if (!keys) this.#used.set(kind, (keys = new Set()));
    keys.add(`${key}.json`);
  }

  #path(kind: string, key: string): string {
    return join(this.#folder, kind, `${key}.json`);
  }
}

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** The store of the derived facts below an Astro cache folder, for the code of the project at `root`. */
export function openDerivedStore(root: string, cacheDir: string): DerivedStore {
  return DerivedStore.open(join(cacheDir, 'archive-derived'), codeVersion(root));
}

/** A digest of every file of the derivation code (src/lib/) and of the lock file. */
export function codeVersion(root: string): string {
  const hash = createHash('sha1');
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(path.slice(root.length)).update('\0').update(readFileSync(path)).update('\0');
  };
  visit(join(root, 'src', 'lib'));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('base64url').slice(0, 16);
}
