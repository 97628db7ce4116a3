import { derivedStore } from '../lib/cache/current-store.ts';
import { transcriptPool, type TranscriptText } from '../lib/transcript/current-pool.ts';
import type { PassageFact } from '../lib/transcript/passages.ts';
import type { TranscriptPageInput } from '../lib/transcript/transcript-page-parts.ts';
import { transcriptFacts, type TranscriptFacts, type TranscriptSummary } from '../lib/transcript/transcript-facts.ts';
import type { Talk } from './archive.ts';
import { transcriptOf } from './parsed-transcripts.ts';

const SUMMARY = 'transcript-summary';
const PASSAGES = 'transcript-passages';
const worked = new WeakMap<Talk, TranscriptFacts>();
const madeReady = new WeakSet<Talk>();

/**
 * A talk's transcript summary (has text, words, has times): kept between builds by file digest, so
 * an unchanged talk's file is not read or parsed to list it.
 */
export function transcriptSummary(talk: Talk): TranscriptSummary {
  return worked.get(talk)?.summary ?? storeFor(talk)?.get<TranscriptSummary>(SUMMARY, talk.digest) ?? work(talk).summary;
}

/** A talk's passages with their labels as written, kept between builds by file digest. */
export function transcriptPassageFacts(talk: Talk): PassageFact[] {
  return worked.get(talk)?.passages ?? storeFor(talk)?.get<PassageFact[]>(PASSAGES, talk.digest) ?? work(talk).passages;
}

/**
 * In a build with transcript threads (src/lib/transcript/transcript-pool.ts), works out the facts of
 * every talk not kept from the last build in those threads, all at once, and keeps them as work()
 * does; given the talks' page input, the threads make their pages' transcript parts ready from the
 * same parse. Without threads, each talk's facts are worked out here when first asked for.
 */
export async function prepareTranscriptFacts(talks: readonly Talk[], pageInput?: (talk: Talk) => Omit<TranscriptPageInput, 'wordCount'>): Promise<void> {
  const pool = transcriptPool();
  if (!pool) return;
  await Promise.all(
    talks.map(async (talk) => {
      const store = storeFor(talk);
      if (worked.has(talk) || store?.has(SUMMARY, talk.digest)) return;
      const facts = await pool.facts(talk.id, transcriptText(talk), pageInput?.(talk));
      if (pageInput) madeReady.add(talk);
      worked.set(talk, facts);
      store?.set(SUMMARY, talk.digest, facts.summary);
      store?.set(PASSAGES, talk.digest, facts.passages);
    }),
  );
}

/** Whether the transcript threads made the talk page's transcript parts ready with its facts. */
export function pagePartsReady(talk: Talk): boolean {
  return madeReady.has(talk);
}

/** The talk's transcript for a thread: the file, while this thread has not read it, so that it does not hold every transcript. */
export function transcriptText(talk: Talk): TranscriptText {
  const file = talk.unreadBody;
  return file === undefined ? { body: talk.body } : { file };
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
