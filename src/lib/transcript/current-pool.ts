import { globalSlot } from '../global-slot.ts';
import type { TranscriptFacts } from './transcript-facts.ts';
import type { TranscriptPageInput, TranscriptPageParts } from './transcript-page-parts.ts';

/** A talk's transcript: its text, or the file a thread reads it from (so the page's thread need not hold it). */
export type TranscriptText = { body: string } | { file: string };

/** What the pages ask of the build's transcript threads (transcript-pool.ts). */
export interface TranscriptWork {
  /** The facts; given the talk page's input (all of it but the word count), its parts are made ready as well. */
  facts(id: string, text: TranscriptText, page?: Omit<TranscriptPageInput, 'wordCount'>): Promise<TranscriptFacts>;
  page(id: string, text: TranscriptText, input: TranscriptPageInput): Promise<TranscriptPageParts>;
  /** How often each word of the transcripts occurs, as written (src/lib/search/vocabulary.ts). */
  countWords(texts: readonly TranscriptText[]): Promise<Map<string, number>>;
  /** The same, with each transcript's own counts as well, packed (packCounts), in the order given. */
  countWordsEach(texts: readonly TranscriptText[]): Promise<{ counts: Map<string, number>; each: string[] }>;
  /** Lets the threads go, once no page will ask more of them (the memory they hold is freed). */
  close(): Promise<void>;
}

/**
 * The transcript threads of the build in progress, set by the transcript-pool integration when the
 * build starts and read by the pages' data modules, which run in a module graph of their own (the
 * pages' bundle): so the pool is kept in a global slot (global-slot.ts). Without one
 * (unit tests, the development server) pages work transcripts out in their own thread.
 */
const pool = globalSlot<TranscriptWork>('transcript-pool');

export function useTranscriptPool(current: TranscriptWork | undefined): void {
  pool.set(current);
}

export function transcriptPool(): TranscriptWork | undefined {
  return pool.get();
}
