/** The parts of a talk that relatedness is judged on. */
export interface Relatable {
  id: string;
  speakerIds: readonly string[];
  topicIds: readonly string[];
  eventId: string | undefined;
}

const WEIGHTS = { speaker: 3, topic: 2, event: 1 };

/**
 * Finds, for any talk of `all`, the other talks sharing speakers, topics or an
 * event with it, best first: a shared speaker weighs most, then a shared
 * topic, then the same event. Ties keep the order of `all`.
 *
 * Only talks that share something can score, so each lookup scores those
 * (found through an index by speaker, topic and event) rather than the whole
 * archive: a talk page per talk made the whole-archive scan quadratic.
 */
export function relatedTalksFinder<T extends Relatable>(all: readonly T[]): (talk: Relatable, limit?: number) => T[] {
  const byKey = new Map<string, number[]>();
  all.forEach((talk, index) => {
    for (const key of keysOf(talk)) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  return (talk, limit = 5) => {
    const candidates = new Set<number>();
    for (const key of keysOf(talk)) for (const index of byKey.get(key) ?? []) candidates.add(index);
    return [...candidates]
      .map((index) => ({ index, other: all[index] as T, score: relatedness(talk, all[index] as T) }))
      .filter(({ other }) => other.id !== talk.id)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map(({ other }) => other);
  };
}

function keysOf(talk: Relatable): string[] {
  return [
    ...talk.speakerIds.map((id) => `speaker:${id}`),
    ...talk.topicIds.map((id) => `topic:${id}`),
    ...(talk.eventId === undefined ? [] : [`event:${talk.eventId}`]),
  ];
}

function relatedness(a: Relatable, b: Relatable): number {
  const shared = (left: readonly string[], right: readonly string[]) => left.filter((id) => right.includes(id)).length;
  return (
    WEIGHTS.speaker * shared(a.speakerIds, b.speakerIds) +
    WEIGHTS.topic * shared(a.topicIds, b.topicIds) +
    (a.eventId !== undefined && a.eventId === b.eventId ? WEIGHTS.event : 0)
  );
}
