import { derivedStore } from '../lib/cache/current-store.ts';
import type { PassageFact } from '../lib/transcript/passages.ts';
import { transcriptFacts, type TranscriptFacts, type TranscriptSummary } from '../lib/transcript/transcript-facts.ts';
import type { Talk } from './archive.ts';
import { transcriptOf } from './parsed-transcripts.ts';

const SUMMARY = 'transcript-summary';
const PASSAGES = 'transcript-passages';
const worked = new WeakMap<Talk, TranscriptFacts>();

/**
 * A talk's transcript summary (has text, words, has times): kept between builds by file digest, so
 * an unchanged talk's file is not read or parsed to list it.
 */
export function transcriptSummary(talk: Talk): TranscriptSummary {
  return storeFor(talk)?.get<TranscriptSummary>(SUMMARY, talk.digest) ?? work(talk).summary;
}

/** A talk's passages with their labels as written, kept between builds by file digest. */
export function transcriptPassageFacts(talk: Talk): PassageFact[] {
  return storeFor(talk)?.get<PassageFact[]>(PASSAGES, talk.digest) ?? work(talk).passages;
}

/** Works the facts out from the parsed transcript (the parse the talk page then takes) and keeps them. */
function work(talk: Talk): TranscriptFacts {
  let facts = worked.get(talk);
  if (facts) return facts;
  facts = transcriptFacts(talk.body, () => transcriptOf(talk));
  worked.set(talk, facts);
  const store = storeFor(talk);
  store?.set(SUMMARY, talk.digest, facts.summary);
  store?.set(PASSAGES, talk.digest, facts.passages);
  return facts;
}

/** The build's store, for a talk whose file has a digest to key its facts by. */
function storeFor(talk: Talk) {
  return talk.digest === '' ? undefined : derivedStore();
}
