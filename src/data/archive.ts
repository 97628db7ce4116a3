import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { entryBody } from '../lib/content/front-matter.ts';
import { liveContent } from '../lib/content/live-content.ts';
import { formatPartialDate, sortNameOf } from '../lib/format.ts';
import { prepareTranscriptFacts, transcriptSummary } from './cached-transcript-facts.ts';
import { pageInputBeforeFacts } from './talk-page.ts';

export type TalkEntry = CollectionEntry<'talks'>;
export type SpeakerEntry = CollectionEntry<'speakers'>;
export type EventEntry = CollectionEntry<'events'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type Role = TalkEntry['data']['speakers'][number]['role'];

/** A talk with its references resolved and the figures pages show. */
export interface Talk {
  id: string;
  data: TalkEntry['data'];
  /** The transcript, read from the talk's file when first asked for. */
  readonly body: string;
  /** The file the transcript is read from, while it has not been read (a thread may read it instead). */
  readonly unreadBody: string | undefined;
  filePath: string | undefined;
  /** A digest of the talk's file, which changes whenever the file does. */
  digest: string;
  speakers: { speaker: SpeakerEntry; role: Role }[];
  event: EventEntry | undefined;
  sessionTitle: string | undefined;
  topics: TopicEntry[];
  /** The talk's own date, else its event's start; empty when no source says. */
  date: string | undefined;
  wordCount: number;
  hasTranscript: boolean;
}

export interface Archive {
  talks: Talk[];
  speakers: SpeakerEntry[];
  events: EventEntry[];
  topics: TopicEntry[];
  talkById: Map<string, Talk>;
}

let archive: { revision: number; loaded: Promise<Archive> } | undefined;

/**
 * The whole archive, loaded, resolved and sorted once per build; in the development server, once
 * per revision of the content folder, so an edit shows on every page that depends on it.
 */
export function loadArchive(): Promise<Archive> {
  const { revision } = liveContent();
  if (archive?.revision !== revision) archive = { revision, loaded: buildArchive() };
  return archive.loaded;
}

async function buildArchive(): Promise<Archive> {
  const [talkEntries, speakers, events, topics] = await Promise.all([
    getCollection('talks'),
    getCollection('speakers'),
    getCollection('events'),
    getCollection('topics'),
  ]);
  const speakerById = new Map(speakers.map((entry) => [entry.id, entry]));
  const eventById = new Map(events.map((entry) => [entry.id, entry]));
  const topicById = new Map(topics.map((entry) => [entry.id, entry]));
  // References were checked by the content-validation integration, so lookups cannot miss.
  const talks = talkEntries.map((entry): Talk => {
    const event = entry.data.event ? eventById.get(entry.data.event.id) : undefined;
    let body: string | undefined;
    const talk: Talk = {
      id: entry.id,
      data: entry.data,
      get body() {
        body ??= talkBody(entry);
        return body;
      },
      get unreadBody() {
        return body === undefined && entry.body === undefined && entry.filePath !== undefined ? resolve(entry.filePath) : undefined;
      },
      filePath: entry.filePath,
      digest: String(entry.digest ?? ''),
      speakers: entry.data.speakers.map(({ speaker, role }) => ({ speaker: speakerById.get(speaker.id) as SpeakerEntry, role })),
      event,
      sessionTitle: event?.data.sessions.find((session) => session.id === entry.data.session)?.title,
      topics: entry.data.topics.map((topic) => topicById.get(topic.id) as TopicEntry),
      date: entry.data.date ?? event?.data.start,
      wordCount: 0,
      hasTranscript: false,
    };
    return talk;
  });
  // From the facts kept for the file when it has not changed since the last build; else from its body.
  // In a build, the transcript threads make each talk page's transcript ready from the same parse.
  await prepareTranscriptFacts(talks, pageInputBeforeFacts);
  for (const talk of talks) {
    const summary = transcriptSummary(talk);
    talk.wordCount = summary.words;
    talk.hasTranscript = summary.hasText;
  }
  talks.sort(byDateThenProgramme);
  speakers.sort((a, b) => sortNameOf(a.data.name, a.data.sortName).localeCompare(sortNameOf(b.data.name, b.data.sortName), 'en'));
  events.sort((a, b) => (b.data.start ?? '').localeCompare(a.data.start ?? ''));
  topics.sort((a, b) => compareSectionNumbers(a.data.number, b.data.number));
  return { talks, speakers, events, topics, talkById: new Map(talks.map((talk) => [talk.id, talk])) };
}

/**
 * A talk's transcript, read from its file: the talks collection keeps front
 * matter only (see the archive loader). Content paths are relative to the
 * folder the build runs in.
 */
function talkBody(entry: TalkEntry): string {
  if (entry.body !== undefined) return entry.body;
  return entry.filePath === undefined ? '' : entryBody(readFileSync(resolve(entry.filePath), 'utf8'));
}

/** Newest first; within an event, programme order; undated last, by title. */
function byDateThenProgramme(a: Talk, b: Talk): number {
  return (
    (b.date ?? '').localeCompare(a.date ?? '') ||
    (a.event?.id ?? '').localeCompare(b.event?.id ?? '') ||
    sessionIndex(a) - sessionIndex(b) ||
    (a.data.order ?? 0) - (b.data.order ?? 0) ||
    a.data.title.localeCompare(b.data.title, 'en')
  );
}

function sessionIndex(talk: Talk): number {
  return talk.event?.data.sessions.findIndex((session) => session.id === talk.data.session) ?? -1;
}

/** "2.10" after "2.9": compares section numbers part by part. */
export function compareSectionNumbers(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Talks in which a speaker has a part, grouped by their role. */
export function talksBySpeaker(all: Archive, speakerId: string): Map<Role, Talk[]> {
  const byRole = new Map<Role, Talk[]>();
  for (const talk of all.talks) {
    for (const { speaker, role } of talk.speakers) {
      if (speaker.id !== speakerId) continue;
      byRole.set(role, [...(byRole.get(role) ?? []), talk]);
    }
  }
  return byRole;
}

export function talksOnTopic(all: Archive, topicId: string): Talk[] {
  return all.talks.filter((talk) => talk.topics.some((topic) => topic.id === topicId));
}

/** A session of an event's programme; talks without a session are gathered in one without an id. */
export interface ProgrammeSession {
  id: string | undefined;
  title: string;
  talks: Talk[];
}

/** An event's talks grouped by session, in programme order; talks without a session come last. */
export function programme(all: Archive, event: EventEntry): ProgrammeSession[] {
  const talks = all.talks.filter((talk) => talk.event?.id === event.id);
  const sessions = event.data.sessions.map((session): ProgrammeSession => ({
    id: session.id,
    title: session.title,
    talks: talks.filter((talk) => talk.data.session === session.id),
  }));
  const unsessioned = talks.filter((talk) => talk.data.session === undefined);
  if (unsessioned.length > 0) sessions.push({ id: undefined, title: 'Other talks', talks: unsessioned });
  return sessions.filter((session) => session.talks.length > 0);
}

export function dateLabel(talk: Talk): string | undefined {
  return talk.date ? formatPartialDate(talk.date) : undefined;
}
