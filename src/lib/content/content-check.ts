import type { DerivedStore } from '../cache/derived-store.ts';
import type { LoadableEntries } from './checked-entries.ts';
import type { ContentIssue } from './content-issue.ts';
import type { RawEntry } from './read-collection.ts';
import type { TranscriptOutline } from './transcript-outline.ts';
import { validateArchive, type ArchiveReport } from './validate-archive.ts';

/** What a build needs of the content check: the problems, how many entries are valid, and the entries as read. */
export interface ValidationSummary {
  issues: ContentIssue[];
  counts: { talks: number; speakers: number; events: number; topics: number };
  /** The valid entries as read, when asked for and there is no problem (checked-entries.ts). */
  entries?: LoadableEntries;
}

/** The kind of fact under which the build's store keeps each transcript's outline. */
const OUTLINES = 'transcript-outline';

/**
 * Checks the content folder (validate-archive.ts) for a build. Given the build's store, the outlines
 * of unchanged transcripts are taken from it and this check's are kept there for the next build.
 * With `handOver`, the summary carries the valid entries as read, for the content loader.
 */
export function checkContent(contentDir: string, { store, handOver = false }: { store?: DerivedStore | undefined; handOver?: boolean } = {}): {
  report: ArchiveReport;
  summary: ValidationSummary;
} {
  const report = validateArchive(
    contentDir,
    store
      ? {
          outlines: {
            get: (digest) => store.get<TranscriptOutline>(OUTLINES, digest),
            set: (digest, outline) => store.set(OUTLINES, digest, outline),
          },
        }
      : {},
  );
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
  return { report, summary };
}
