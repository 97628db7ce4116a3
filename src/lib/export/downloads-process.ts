/**
 * Writes the transcript downloads (see write-downloads.ts) in a process of its own, and prints how
 * many as JSON (`{"written":…,"kept":…}`):
 *
 *   node downloads-process.ts CONTENT_DIR SITE_DIR [PROJECT CACHE_DIR [LAST_SITE]]
 *
 * Given the project and Astro's cache folder, it keeps a record there of what each talk's files were
 * made from, and takes the files of unchanged talks from LAST_SITE. The build runs it beside Astro;
 * as a process rather than a thread, the memory it used is given back when it ends, before the
 * search index is written.
 */
import { openDerivedStore } from '../cache/derived-store.ts';
import { writeTranscriptDownloads } from './write-downloads.ts';

const [contentDir, siteDir, root, cacheDir, lastSite] = process.argv.slice(2);
if (!contentDir || !siteDir || (root === undefined) !== (cacheDir === undefined)) {
  console.error('usage: node downloads-process.ts CONTENT_DIR SITE_DIR [PROJECT CACHE_DIR [LAST_SITE]]');
  process.exit(2);
}
const store = root && cacheDir ? openDerivedStore(root, cacheDir) : undefined;
console.log(JSON.stringify(writeTranscriptDownloads(contentDir, siteDir, store && { store, ...(lastSite && { lastSite }) })));
