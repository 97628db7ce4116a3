import type { Loader } from 'astro/loaders';
import { liveContent } from '../lib/content/live-content.ts';
import { takeCheckedEntries } from '../lib/content/checked-entries.ts';
import { readCollection, type CollectionName } from '../lib/content/read-collection.ts';

export interface ArchiveLoaderOptions {
  /**
   * Keep each entry's Markdown body in Astro's data store. Talks leave it out
   * and their pages read it from the entry's file (see src/data/archive.ts):
   * Astro serialises the whole store into the build as JavaScript modules, and
   * transcripts are nearly all of its size (46 MB at 1,000 talks of 8,000
   * words), which cost seconds of bundling, compiling and parsing per build.
   */
  keepBody: boolean;
}

/**
 * Loads one collection folder of the archive. Unlike Astro's glob loader it
 * does not render Markdown at load time: talk pages render transcripts with
 * the archive's own parser (speaker turns, stable ids), so Astro's render
 * would be wasted work on every entry. Problems were already reported, with
 * lines, by the content-validation integration before this runs; in a build it
 * also hands over the entries it read, so the files are read once.
 */
export function archiveLoader(contentDir: string, collection: CollectionName, { keepBody }: ArchiveLoaderOptions): Loader {
  return {
    name: 'archive-loader',
    async load(context) {
      const { store } = context;
      // In the development server, content with problems is not taken in: the pages keep the last
      // content that passed, and say what is wrong until it is fixed (src/integrations/content-watch.ts).
      if (liveContent().issues.length > 0) return;
      const checked = takeCheckedEntries(contentDir, collection);
      const entries = checked && (!keepBody || checked.every((entry) => entry.body !== undefined)) ? checked : readCollection(contentDir, collection).entries;
      const gone = new Set(store.keys());
      for (const entry of entries) {
        gone.delete(entry.id);
        // Astro keeps the store between builds: a file whose bytes are unchanged keeps what it parsed to.
        const known = store.get(entry.id);
        if (known?.digest === entry.digest && known.filePath === entry.file) continue;
        const data = await context.parseData({ id: entry.id, data: entry.data, filePath: entry.file });
        store.set({ id: entry.id, data, filePath: entry.file, digest: entry.digest, ...(keepBody && { body: entry.body }) });
      }
      for (const id of gone) store.delete(id);
    },
  };
}
