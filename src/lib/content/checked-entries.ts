import type { CollectionName } from './read-collection.ts';

/**
 * The entries a build's content check read, handed to the content loader so that it does not read and
 * parse every file a second time (at 1,000 talks, reading the folder again took 0.6 to 1.2 s; handing
 * the entries over, 6 ms). Only a build hands them over: the development server's loader reads the
 * folder as it is at each change.
 *
 * The validation integration and the content loader load their own copies of this module (the config's
 * and the content layer's module graphs), so the entries wait on the global object under a registered
 * symbol, for one taking each.
 */
export interface LoadableEntry {
  id: string;
  /** Path for messages, relative to the working directory. */
  file: string;
  /** A hash of the whole file (the content layer's digest). */
  digest: string;
  /** The front matter, as parsed, before Astro's schemas. */
  data: Record<string, unknown>;
  /** The Markdown body; talks leave it out, since their pages read transcripts from their files. */
  body?: string;
}

export type LoadableEntries = Record<CollectionName, LoadableEntry[]>;

const STATE = Symbol.for('alignment-talk-archive.checked-entries');

function waiting(): Map<string, Partial<LoadableEntries>> {
  const global = globalThis as typeof globalThis & { [STATE]?: Map<string, Partial<LoadableEntries>> };
  global[STATE] ??= new Map();
  return global[STATE];
}

/** Keeps the entries the check read from a content folder, for the loader. */
export function handOverCheckedEntries(contentDir: string, entries: LoadableEntries): void {
  waiting().set(contentDir, { ...entries });
}

/** The entries the check read for one collection of a content folder, once; undefined when none wait. */
export function takeCheckedEntries(contentDir: string, collection: CollectionName): LoadableEntry[] | undefined {
  const folder = waiting().get(contentDir);
  const entries = folder?.[collection];
  if (folder) delete folder[collection];
  return entries;
}
