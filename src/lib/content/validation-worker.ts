/**
 * Runs the content check in a worker thread (see src/integrations/content-validation.ts) and posts
 * back its summary (content-check.ts). Given the build's cache folder, it keeps each transcript's
 * outline there between builds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDerivedStore } from '../cache/derived-store.ts';
import { checkContent } from './content-check.ts';

export interface ValidationRequest {
  contentDir: string;
  /** The project and Astro's cache folder, to keep outlines between builds. */
  cache?: { root: string; cacheDir: string };
  /** Post back the entries as read, for the content loader. */
  handOver?: boolean;
}

const { contentDir, cache, handOver } = workerData as ValidationRequest;
const store = cache && openDerivedStore(cache.root, cache.cacheDir);
parentPort?.postMessage(checkContent(contentDir, { store, handOver: handOver ?? false }).summary);
