/**
 * Writes the transcript downloads (see write-downloads.ts) in a process of its own, and prints how
 * many: `node downloads-process.ts CONTENT_DIR SITE_DIR`. The build runs it beside Astro; as a
 * process rather than a thread, the memory it used is given back when it ends, before the search
 * index is written.
 */
import { writeTranscriptDownloads } from './write-downloads.ts';

const [contentDir, siteDir] = process.argv.slice(2);
if (!contentDir || !siteDir) {
  console.error('usage: node downloads-process.ts CONTENT_DIR SITE_DIR');
  process.exit(2);
}
console.log(writeTranscriptDownloads(contentDir, siteDir));
