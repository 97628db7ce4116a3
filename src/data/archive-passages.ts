import { joinNames } from '../lib/format.ts';
import { resolvePassages, speakerActivity, type PassageOwners, type PassageRef, type SpeakerActivity } from '../lib/transcript/passages.ts';
import type { Archive, Talk } from './archive.ts';
import { speakerResolver } from './talk-page.ts';
import { transcriptPassageFacts } from './cached-transcript-facts.ts';

export interface ArchivePassages {
  /** Every passage of every transcript, talks in archive order. */
  all: PassageRef[];
  /** Turns, words and passages per speaker slug. */
  bySpeaker: Map<string, SpeakerActivity>;
}

const WRITTEN_KINDS: ReadonlySet<Talk['data']['kind']> = new Set(['essay', 'post']);
const cache = new WeakMap<Archive, ArchivePassages>();

/**
 * The archive's transcripts as passages with their speakers: each transcript's passages as the
 * build keeps them for its file (parsed once, in this build or an earlier one), resolved here.
 */
export function archivePassages(archive: Archive): ArchivePassages {
  let passages = cache.get(archive);
  if (!passages) {
    const all = archive.talks.filter((talk) => talk.hasTranscript).flatMap((talk) => resolvePassages(transcriptPassageFacts(talk), passageOwners(talk)));
    passages = { all, bySpeaker: speakerActivity(all) };
    cache.set(archive, passages);
  }
  return passages;
}

function passageOwners(talk: Talk): PassageOwners {
  const written = WRITTEN_KINDS.has(talk.data.kind);
  const ids = talk.speakers.map(({ speaker }) => speaker.id);
  return {
    talkId: talk.id,
    resolve: speakerResolver(talk),
    // Unlabelled speech belongs to someone only when one person gives the talk.
    proseSpeakers: written || ids.length === 1 ? ids : [],
    proseVoice: joinNames(talk.speakers.map(({ speaker }) => speaker.data.name)),
    proseSpoken: !written,
  };
}
