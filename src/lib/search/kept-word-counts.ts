import type { DerivedStore } from '../cache/derived-store.ts';

/** The kinds of fact under which a build keeps word counts (src/data/word-counts.ts). */
export const WORD_COUNT_FACTS = {
  /** Each transcript's counts, packed, by its file's digest. */
  talk: 'transcript-word-counts',
  /** The whole archive's, with the digests of the files counted, under ARCHIVE_KEY. */
  archive: 'archive-word-counts',
} as const;

export const ARCHIVE_KEY = 'archive';

/** The archive's word counts as a build keeps them for the next. */
export interface KeptArchiveCounts {
  /** The digests of the talk files counted, sorted (a file twice in the archive, twice). */
  talks: string[];
  /** The counts, packed (packCounts). */
  counts: string;
}

/** Whether the store holds the archive's counts of a last build, which the next brings up to date instead of counting every transcript. */
export function archiveCountsKept(store: DerivedStore | undefined): boolean {
  return store?.has(WORD_COUNT_FACTS.archive, ARCHIVE_KEY) ?? false;
}
