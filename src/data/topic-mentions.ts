import { derivedStore } from '../lib/cache/current-store.ts';
import { firstMention, passagesMentioning, type Mention, type TalkMention } from '../lib/transcript/passages.ts';
import type { Archive } from './archive.ts';
import { archivePassages } from './archive-passages.ts';

/** The kind of fact under which the build's store keeps where each talk first mentions a phrase. */
const TOPIC_MENTIONS = 'topic-mentions';

/**
 * Passages of the archive that mention a topic's phrase, at most one a talk (passagesMentioning).
 * In a build, where each talk first mentions the phrase is kept between builds by the talk's file
 * digest and the phrase: a rebuild searches only the transcripts that changed, not every passage of
 * the archive for every topic.
 */
export function topicMentions(archive: Archive, phrase: string, { excludeTalkIds = [] as readonly string[] } = {}): Mention[] {
  const store = derivedStore();
  return passagesMentioning(phrase, archivePassages(archive).all, {
    excludeTalkIds,
    findMention: (talkId, target, passages) => {
      const digest = archive.talkById.get(talkId)?.digest;
      if (!store || !digest) return firstMention(target, passages);
      const key = `${digest}\u0000${target}`;
      const kept = store.get<TalkMention | null>(TOPIC_MENTIONS, key);
      if (kept !== undefined) return kept;
      const found = firstMention(target, passages);
      store.set(TOPIC_MENTIONS, key, found);
      return found;
    },
  });
}
