import type { Loader } from 'astro/loaders';
import { readCollection, type CollectionName } from '../lib/content/read-collection.ts';

/**
 * Loads one collection folder of the archive. Unlike Astro's glob loader it
 * does not render Markdown at load time: talk pages render transcripts with
 * the archive's own parser (speaker turns, stable ids), so Astro's render
 * would be wasted work on every entry. Problems were already reported, with
 * lines, by the content-validation integration before this runs.
 */
export function archiveLoader(contentDir: string, collection: CollectionName): Loader {
  return {
    name: 'archive-loader',
    async load({ store, parseData, generateDigest }) {
      const { entries } = readCollection(contentDir, collection);
      store.clear();
      for (const entry of entries) {
        const data = await parseData({ id: entry.id, data: entry.data, filePath: entry.file });
        store.set({ id: entry.id, data, body: entry.body, filePath: entry.file, digest: generateDigest(entry.text) });
      }
    },
  };
}
