import type { CollectionName, RawEntry } from '../../src/lib/content/read-collection.ts';
import type { ArchiveReport } from '../../src/lib/content/validate-archive.ts';

/** The archive's entries by collection, which is also the folder of their pages and their key in the catalogue. */
export function entriesByCollection(content: ArchiveReport): readonly (readonly [CollectionName, readonly RawEntry[]])[] {
  return [
    ['talks', content.talks],
    ['speakers', content.speakers],
    ['topics', content.topics],
    ['events', content.events],
  ];
}
