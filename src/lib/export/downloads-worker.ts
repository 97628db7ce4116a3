/** Writes the transcript downloads in a worker thread (see write-downloads.ts) and posts back how many. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeTranscriptDownloads } from './write-downloads.ts';

const { contentDir, siteDir } = workerData as { contentDir: string; siteDir: string };
parentPort?.postMessage(writeTranscriptDownloads(contentDir, siteDir));
