import { parseTranscript, type ParsedTranscript } from '../lib/transcript/parse-transcript.ts';
import type { Talk } from './archive.ts';

const parsedByTalk = new WeakMap<Talk, ParsedTranscript>();
/** Talks whose page has been rendered, and whose parse was let go. */
const taken = new WeakSet<Talk>();

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
  taken.add(talk);
  return parsed;
}

/**
 * The parse for a file made beside the talk page (its transcript downloads).
 * Astro renders `talks/[slug]/transcript.*` before `talks/[slug]` (routes with more
 * segments first; seen in a build), so these share the parse the page frees
 * after them. Rendered after the page (`astro dev`, or another route order),
 * they parse again and keep nothing, rather than hold the parse to the end.
 */
export function transcriptBeside(talk: Talk): ParsedTranscript {
  return taken.has(talk) ? parseTranscript(talk.body) : transcriptOf(talk);
}
