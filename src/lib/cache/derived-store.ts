import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** How many files each kind of fact is kept in: a few files a kind, each small enough to write whole. */
const SHARDS = 32;

/** One file of a kind of fact: its facts by key, as read, and whether this build changed them. */
interface Shard {
  entries: Map<string, unknown>;
  changed: boolean;
}

/**
 * What the build derives from content files, kept between builds in the project's cache folder,
 * below a folder named by the code version that made it: for each kind of fact, a few files (one for
 * each of SHARDS groups of file digests), each holding the facts of its digests. A file whose bytes
 * are unchanged, read by the same code, gives the same facts, so they are taken from here instead of
 * worked out again; any change to either makes a new key. Nothing is read from another version's
 * folder, and those are removed when a build opens the store.
 *
 * Facts are read a group at a time and written when the build prunes their kind, at its end: a
 * file for each talk and kind of fact made thousands of small files a build, and on a file system
 * that has just deleted thousands (the last build's), creating each file took a search for a free
 * inode that showed in profiles as seconds of system time. A build that stops before its end writes
 * nothing, and the next one works the facts out again.
 */
export class DerivedStore {
  readonly #folder: string;
  readonly #used = new Map<string, Set<string>>();
  readonly #shards = new Map<string, Shard>();

  private constructor(folder: string) {
    this.#folder = folder;
  }

  /** The store of this code version below `root`; older versions' folders are removed. */
  static open(root: string, version: string): DerivedStore {
    mkdirSync(join(root, version), { recursive: true });
    for (const name of readdirSync(root)) if (name !== version) rmSync(join(root, name), { recursive: true, force: true });
    return new DerivedStore(join(root, version));
  }

  /** The facts kept for `key`; the same object each time it is asked for, not to be changed. */
  get<T>(kind: string, key: string): T | undefined {
    this.#use(kind, key);
    return this.#shard(kind, shardOf(key)).entries.get(key) as T | undefined;
  }

  /** Whether facts of this kind are kept for `key` (not counted as used). */
  has(kind: string, key: string): boolean {
    return this.#shard(kind, shardOf(key)).entries.has(key);
  }

  /** Whether this build has asked for or kept any fact of this kind. */
  touched(kind: string): boolean {
    return this.#used.has(kind);
  }

  /** Counts the facts kept for `key` as used by this build, without reading them: pruning leaves them. */
  keep(kind: string, key: string): void {
    this.#use(kind, key);
  }

  /** Keeps facts for `key`, written when the build prunes their kind. */
  set(kind: string, key: string, value: unknown): void {
    this.#use(kind, key);
    const shard = this.#shard(kind, shardOf(key));
    shard.entries.set(key, value);
    shard.changed = true;
  }

  /**
   * Removes what this build neither read nor wrote of the given kinds (every kind when none is
   * given): the facts of files that changed or went away; then writes what changed of those kinds.
   */
  prune(kinds?: readonly string[]): number {
    let removed = 0;
    for (const kind of kinds ?? new Set([...safeReaddir(this.#folder), ...this.#used.keys()])) {
      const used = this.#used.get(kind) ?? new Set<string>();
      for (let index = 0; index < SHARDS; index += 1) {
        const shard = this.#shard(kind, index);
        for (const key of shard.entries.keys()) {
          if (used.has(key)) continue;
          shard.entries.delete(key);
          shard.changed = true;
          removed += 1;
        }
        this.#write(kind, index, shard);
      }
    }
    return removed;
  }

  /**
   * Prunes and writes the given kinds now (see prune), and lets go of what this build holds of them:
   * for facts a build makes once, early, and need not hold until its end. Asked for again, they are
   * read back from their files.
   */
  settle(kinds: readonly string[]): number {
    const removed = this.prune(kinds);
    for (const kind of kinds) for (let index = 0; index < SHARDS; index += 1) this.#shards.delete(`${kind}/${index}`);
    return removed;
  }

  #use(kind: string, key: string): void {
    let keys = this.#used.get(kind);
    if (!keys) this.#used.set(kind, (keys = new Set()));
    keys.add(key);
  }

  #shard(kind: string, index: number): Shard {
    const name = `${kind}/${index}`;
    let shard = this.#shards.get(name);
    if (!shard) this.#shards.set(name, (shard = { entries: readShard(this.#path(kind, index)), changed: false }));
    return shard;
  }

  #write(kind: string, index: number, shard: Shard): void {
    if (!shard.changed) return;
    const path = this.#path(kind, index);
    if (shard.entries.size === 0) rmSync(path, { force: true });
    else {
      mkdirSync(join(this.#folder, kind), { recursive: true });
      // Written whole under a temporary name, then renamed: a reader never sees half a file.
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(Object.fromEntries(shard.entries)));
      renameSync(temporary, path);
    }
    shard.changed = false;
  }

  #path(kind: string, index: number): string {
    return join(this.#folder, kind, `${index}.json`);
  }
}

/** Which of the kind's files holds `key`. */
function shardOf(key: string): number {
  let hash = 0;
  for (let index = 0; index < key.length; index += 1) hash = (Math.imul(hash, 31) + key.charCodeAt(index)) >>> 0;
  return hash % SHARDS;
}

/** A kind's file as written; empty when not made yet, or left half written by a build that was stopped. */
function readShard(path: string): Map<string, unknown> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>));
  } catch {
    return new Map();
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

/** A digest of every file of the derivation code (src/lib/) and of the lock file; the same for `root` written with or without a final slash. */
export function codeVersion(root: string): string {
  const hash = createHash('sha1');
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  visit(join(root, 'src', 'lib'));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('base64url').slice(0, 16);
}
