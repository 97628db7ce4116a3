import { describe, expect, it } from 'vitest';
import { relatedTalksFinder, type Relatable } from '../../src/lib/related-talks.ts';

const talk = (id: string, speakerIds: string[], topicIds: string[] = [], eventId?: string): Relatable => ({ id, speakerIds, topicIds, eventId });

/** The rule written out over every talk, to check the indexed lookup against. */
function everyTalkScored(subject: Relatable, all: readonly Relatable[], limit: number): Relatable[] {
  const shared = (left: readonly string[], right: readonly string[]) => left.filter((id) => right.includes(id)).length;
  return all
    .map((other, index) => ({
      other,
      index,
      score:
        3 * shared(subject.speakerIds, other.speakerIds) +
        2 * shared(subject.topicIds, other.topicIds) +
        (subject.eventId !== undefined && subject.eventId === other.eventId ? 1 : 0),
    }))
    .filter(({ other, score }) => other.id !== subject.id && score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ other }) => other);
}

describe('related talks', () => {
  it('ranks a shared speaker over a shared topic over the same event, ties in archive order', () => {
    const all = [
      talk('a', ['x'], ['t1'], 'e'),
      talk('b', ['y'], [], 'e'),
      talk('c', ['z'], ['t1']),
      talk('d', ['x']),
      talk('e', ['w']),
      talk('f', ['q'], ['t1']),
    ];
    expect(relatedTalksFinder(all)(all[0] as Relatable).map(({ id }) => id)).toEqual(['d', 'c', 'f', 'b']);
  });

  it('finds what scoring every talk finds, for every talk of a random archive', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (prefix: string, count: number, of: number) => [...new Set(Array.from({ length: count }, () => `${prefix}${random(of)}`))];
    const all = Array.from({ length: 300 }, (_, index) =>
      talk(`talk-${index}`, pick('s', 1 + random(3), 60), pick('t', random(3), 12), random(3) === 0 ? undefined : `e${random(8)}`),
    );
    const find = relatedTalksFinder(all);
    for (const subject of all) {
      for (const limit of [1, 5, 20]) expect(find(subject, limit)).toEqual(everyTalkScored(subject, all, limit));
    }
  });
});
