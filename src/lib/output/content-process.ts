/**
 * The content steps of `npm run build`, in a process the build starts beside Astro's
 * (scripts/helpers/site-build.ts):
 *
 *   node content-process.ts CONTENT_DIR SITE_DIR PROJECT CACHE_DIR [LAST_SITE]
 *
 * 1. Checks the content folder once for the whole build, while Astro's process is still starting, and
 *    sends the summary to the build, which hands it to Astro's process (content-check-messages.ts).
 * 2. From the same reading, writes the transcript downloads into SITE_DIR, taking those of unchanged
 *    talks from LAST_SITE (src/lib/export/write-downloads.ts), and sends how many.
 *
 * Messages go over the channel the build opens (`process.send`). Content with problems is not written
 * from: the process ends with an error after sending the summary, whose problems Astro's process reports.
 * As a process rather than a thread, the memory it used is given back when it ends, before the search
 * index is written.
 */
import { openDerivedStore } from '../cache/derived-store.ts';
import { checkContent, type ValidationSummary } from '../content/content-check.ts';
import { writeDownloadsOf, type DownloadsWritten } from '../export/write-downloads.ts';

/** What this process sends the build. */
export type ContentProcessMessage =
  { kind: 'archive:content-summary'; summary: ValidationSummary } | ({ kind: 'archive:downloads-written' } & DownloadsWritten);

const [contentDir, siteDir, root, cacheDir, lastSite] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!contentDir || !siteDir || !root || !cacheDir || !send) {
  console.error('usage: node content-process.ts CONTENT_DIR SITE_DIR PROJECT CACHE_DIR [LAST_SITE], with a channel to its parent');
  process.exit(2);
}
const post = (message: ContentProcessMessage) =>
  new Promise<void>((done, fail) => send(message, undefined, undefined, (error) => (error ? fail(error) : done())));

const store = openDerivedStore(root, cacheDir);
const { report, summary } = checkContent(contentDir, { store, handOver: true });
await post({ kind: 'archive:content-summary', summary });
if (summary.issues.length > 0) {
  console.error(`the content has ${summary.issues.length} problem(s); the build reports them`);
  process.exit(1);
}
await post({ kind: 'archive:downloads-written', ...writeDownloadsOf(report, siteDir, { store, ...(lastSite && { lastSite }) }) });
// The channel is open until the parent closes it; nothing more is sent.
process.disconnect();
