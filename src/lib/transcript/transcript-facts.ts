import { passageFacts, type PassageFact } from './passages.ts';
import { transcriptWordCount } from './words.ts';
import type { ParsedTranscript } from './parse-transcript.ts';
import { hasTimes } from './transcript-cues.ts';

/**
 * What pages other than a talk's own need from its transcript, as plain data that is the same for
 * the same body and code, so a build can keep it for each unchanged file (src/data/cached-transcript-facts.ts):
 * a summary every list of talks shows, and the passages with their labels as written, which speaker,
 * topic and catalogue pages read.
 */
export interface TranscriptSummary {
  hasText: boolean;
  words: number;
  /** Whether any passage has a time (the subtitle downloads need one). */
  timed: boolean;
}

export interface TranscriptFacts {
  summary: TranscriptSummary;
  passages: PassageFact[];
}

export function transcriptFacts(body: string, parsed: () => ParsedTranscript): TranscriptFacts {
  if (body.trim() === '') return { summary: { hasText: false, words: 0, timed: false }, passages: [] };
  const transcript = parsed();
  return { summary: { hasText: true, words: transcriptWordCount(body), timed: hasTimes(transcript) }, passages: passageFacts(transcript) };
}
