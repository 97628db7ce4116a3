/**
 * Runs `validateArchive` in a worker thread for the build (see src/integrations/content-validation.ts)
 * and posts back what the build needs: the problems, and how many entries of each kind are valid.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ContentIssue } from './content-issue.ts';
import { validateArchive } from './validate-archive.ts';

export interface ValidationSummary {
  issues: ContentIssue[];
  counts: { talks: number; speakers: number; events: number; topics: number };
}

const report = validateArchive((workerData as { contentDir: string }).contentDir);
const summary: ValidationSummary = {
  issues: report.issues,
  counts: { talks: report.talks.length, speakers: report.speakers.length, events: report.events.length, topics: report.topics.length },
};
parentPort?.postMessage(summary);
