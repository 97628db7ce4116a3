/**
 * Runs `validateArchive` in a worker thread for the build (see src/integrations/content-validation.ts)
 * and posts back what the build needs: the problems, how many entries of each kind are valid, and,
 * when asked, the entries as read, for the content loader (checked-entries.ts). Given the build's
 * cache folder, it keeps each transcript's outline there between builds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDerivedStore } from '../cache/derived-store.ts';
import type { LoadableEntries } from './checked-entries.ts';
import type { ContentIssue } from './content-issue.ts';
import type { RawEntry } from './read-collection.ts';
import type { TranscriptOutline } from './transcript-outline.ts';
import { validateArchive, type OutlineCache } from './validate-archive.ts';

export interface ValidationSummary {
  issues: ContentIssue[];
  counts: { talks: number; speakers: number; events: number; topics: number };
  /** The valid entries as read, when the request asked for them and there is no problem. */
  entries?: LoadableEntries;
}

export interface ValidationRequest {
  contentDir: string;
  /** The project and Astro's cache folder, to keep outlines between builds. */
  cache?: { root: string; cacheDir: string };
  /** Post back the entries as read, for the content loader. */
  handOver?: boolean;
}

const OUTLINES = 'transcript-outline';
const { contentDir, cache, handOver } = workerData as ValidationRequest;
const store = cache && openDerivedStore(cache.root, cache.cacheDir);
const outlines: OutlineCache | undefined = store && {
  get: (digest) => store.get<TranscriptOutline>(OUTLINES, digest),
  set: (digest, outline) => store.set(OUTLINES, digest, outline),
};
const report = validateArchive(contentDir, outlines ? { outlines } : {});
store?.prune([OUTLINES]);
const summary: ValidationSummary = {
  issues: report.issues,
  counts: { talks: report.talks.length, speakers: report.speakers.length, events: report.events.length, topics: report.topics.length },
};
if (handOver && report.issues.length === 0) {
  const loadable = (entries: readonly RawEntry[], { withBody }: { withBody: boolean }) =>
    entries.map(({ id, file, digest, data, body }) => ({ id, file, digest, data, ...(withBody && { body }) }));
  summary.entries = {
    talks: loadable(report.talks, { withBody: false }),
    speakers: loadable(report.speakers, { withBody: true }),
    events: loadable(report.events, { withBody: true }),
    topics: loadable(report.topics, { withBody: true }),
  };
}
parentPort?.postMessage(summary);
