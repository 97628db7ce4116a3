import { parseTranscript, type ParsedTranscript } from '../lib/transcript/parse-transcript.ts';
import type { Talk } from './archive.ts';

const parsedByTalk = new WeakMap<Talk, ParsedTranscript>();

/**
 * A talk's transcript, parsed once per build. The talk page renders it, and the
 * speaker and topic pages and the catalogue read its passages; parsing is most
 * of the cost of each (Markdown, then a content hash per passage), so doing it
 * twice per talk was a tenth of the build.
 */
export function transcriptOf(talk: Talk): ParsedTranscript {
  let parsed = parsedByTalk.get(talk);
  if (!parsed) {
    parsed = parseTranscript(talk.body);
    parsedByTalk.set(talk, parsed);
  }
  return parsed;
}

/**
 * The talk's parsed transcript for its own page, the last to need it: the parse is
 * forgotten, so the memory it holds (Markdown tokens for every passage) is freed as
 * talk pages are written rather than kept for the whole build.
 */
export function takeTranscript(talk: Talk): ParsedTranscript {
  const parsed = transcriptOf(talk);
  parsedByTalk.delete(talk);
  return parsed;
}
