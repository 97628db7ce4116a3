/** The parts of a talk that relatedness is judged on. */
export interface Relatable {
  id: string;
  speakerIds: readonly string[];
  topicIds: readonly string[];
  eventId: string | undefined;
}

const WEIGHTS = { speaker: 3, topic: 2, event: 1 };

/**
 * Other talks sharing speakers, topics or an event with `talk`, best first:
 * a shared speaker weighs most, then a shared topic, then the same event.
 * Ties keep the order of `all`.
 */
export function relatedTalks<T extends Relatable>(talk: Relatable, all: readonly T[], limit = 5): T[] {
  return all
    .filter((other) => other.id !== talk.id)
    .map((other, index) => ({ other, index, score: relatedness(talk, other) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ other }) => other);
}

function relatedness(a: Relatable, b: Relatable): number {
  const shared = (left: readonly string[], right: readonly string[]) => left.filter((id) => right.includes(id)).length;
  return (
    WEIGHTS.speaker * shared(a.speakerIds, b.speakerIds) +
    WEIGHTS.topic * shared(a.topicIds, b.topicIds) +
    (a.eventId !== undefined && a.eventId === b.eventId ? WEIGHTS.event : 0)
  );
}
