/** Seed 000's programme: three sessions, each a run of "Speaker - Title" pairs. */
import { assertAscending, indexOfOnly } from './text-checks.ts';

export interface Session {
  id: string;
  /** Heading as the programme gives it; the seed text is split on it. */
  title: string;
  kind: 'talk' | 'lightning-talk';
  talkCount: number;
}

export const SESSIONS: readonly Session[] = [
  { id: 'main', title: 'Main Talks', kind: 'talk', talkCount: 7 },
  { id: 'lightning-day-1', title: 'Lightning talks (Day 1)', kind: 'lightning-talk', talkCount: 9 },
  { id: 'lightning-day-2', title: 'Lightning talks (Day 2)', kind: 'lightning-talk', talkCount: 10 },
];

export interface ProgrammeTalk {
  session: Session;
  /** Position in its session, from 1. */
  order: number;
  speaker: string;
  title: string;
}

/** Reads the programme: the text after each session heading is a run of "Speaker - Title" pairs. */
export function parseProgramme(seed: string): ProgrammeTalk[] {
  const starts = SESSIONS.map((session) => indexOfOnly(seed, session.title));
  assertAscending(starts, 'session headings');
  return SESSIONS.flatMap((session, index) => {
    const text = seed.slice((starts[index] as number) + session.title.length, starts[index + 1] ?? seed.length);
    const pairs = speakerTitlePairs(text);
    if (pairs.length !== session.talkCount) {
      throw new Error(`expected ${session.talkCount} talks under "${session.title}", read ${pairs.length}: ${JSON.stringify(pairs)}`);
    }
    return pairs.map((pair, position) => ({ session, order: position + 1, ...pair }));
  });
}

/** Between two " - " separators lie a title and the next speaker's name; every name in the programme has two words. */
const TITLE_THEN_NAME = /^(?<title>.+?)\s+(?<name>\S+\s+\S+)$/s;
const TWO_CAPITALISED_WORDS = /^\p{Lu}\S*\s+\p{Lu}\S*$/u;

function speakerTitlePairs(text: string): { speaker: string; title: string }[] {
  const segments = text.trim().split(' - ');
  let speaker = segments[0] ?? '';
  return segments.slice(1).map((segment, index, rest) => {
    const match = index === rest.length - 1 ? null : TITLE_THEN_NAME.exec(segment.trim());
    const pair = { speaker: checkedName(speaker), title: match?.groups?.['title'] ?? segment.trim() };
    speaker = match?.groups?.['name'] ?? '';
    return pair;
  });
}

function checkedName(name: string): string {
  if (!TWO_CAPITALISED_WORDS.test(name)) throw new Error(`"${name}" does not look like a speaker's name; the programme has changed shape`);
  return name;
}
