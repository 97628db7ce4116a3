import { talkRecording, type Recording } from '../lib/recording/talk-recording.ts';
import type { ResolvedSpeaker } from '../lib/transcript/render-transcript.ts';
import {
  speakerResolver as resolverOf,
  transcriptPageParts,
  type BilledSpeaker,
  type TranscriptPageInput,
  type TranscriptPageParts,
} from '../lib/transcript/transcript-page-parts.ts';
import { transcriptPool, useTranscriptPool, type TranscriptWork } from '../lib/transcript/current-pool.ts';
import { relatedTalksFinder, type Relatable } from '../lib/related-talks.ts';
import type { TocItem } from '../lib/transcript/table-of-contents.ts';
import { routes } from '../lib/routes.ts';
import type { CitationSource } from '../lib/quotes/citation.ts';
import { joinNames, kindLabel } from '../lib/format.ts';
import type { Archive, Talk } from './archive.ts';
import { takeTranscript } from './parsed-transcripts.ts';
import { pagePartsReady, transcriptText } from './cached-transcript-facts.ts';

export interface TalkPageData {
  /** The recording the page plays, where a source gives one. */
  recording: Recording | undefined;
  transcriptHtml: string;
  toc: TocItem[];
  related: Talk[];
  /** Names shown for each turn label, for the table of contents. */
  labelNames: Map<string, string>;
}

/** Everything a talk page shows beyond the talk's own fields: its rendered transcript, contents and related talks. */
export async function talkPageData(archive: Archive, talk: Talk): Promise<TalkPageData> {
  const input = transcriptPageInput(talk);
  const pool = transcriptPool();
  const parts = pool ? await partsFromPool(archive, talk, pool) : transcriptPageParts(takeTranscript(talk), input);
  return { recording: input.recording, ...parts, related: relatedTalks(archive, talk) };
}

/** What the talk page's transcript needs of the talk's entry. */
function transcriptPageInput(talk: Talk): TranscriptPageInput {
  return { ...pageInputBeforeFacts(talk), wordCount: talk.wordCount };
}

/** The same, but for the word count, which the transcript's facts give. */
export function pageInputBeforeFacts(talk: Talk): Omit<TranscriptPageInput, 'wordCount'> {
  return {
    speakers: billedSpeakers(talk),
    voices: talk.data.voices,
    proseVoice: joinNames(talk.speakers.map(({ speaker }) => speaker.data.name)),
    recording: talkRecording(talk.data.sources),
  };
}

const taken = new WeakMap<Archive, Set<string>>();
/** Parts asked for ahead of their pages, by talk. */
const asked = new Map<string, Promise<TranscriptPageParts>>();
/** How many pages ahead parts made ready are asked for: a thread's answer then waits for the page, not the page for it. */
const PAGES_AHEAD = 16;
const readyOrder = new WeakMap<Archive, { talks: Talk[]; place: Map<string, number> }>();

/**
 * The talk's transcript parts from the build's threads: made ready with the talk's facts when its
 * file changed since the last build (or there was none), else worked out now. Parts made ready are
 * asked for a few pages ahead, in the order of the talk pages' paths (the archive's).
 */
function partsFromPool(archive: Archive, talk: Talk, pool: TranscriptWork): Promise<TranscriptPageParts> {
  let order = readyOrder.get(archive);
  if (!order) {
    const talks = archive.talks.filter(pagePartsReady);
    readyOrder.set(archive, (order = { talks, place: new Map(talks.map(({ id }, index) => [id, index])) }));
  }
  const place = order.place.get(talk.id);
  const ahead = place === undefined ? [] : order.talks.slice(place + 1, place + 1 + PAGES_AHEAD);
  for (const next of [talk, ...ahead]) if (!asked.has(next.id)) asked.set(next.id, pool.page(next.id, transcriptText(next), transcriptPageInput(next)));
  const parts = asked.get(talk.id)!;
  asked.delete(talk.id);
  let done = taken.get(archive);
  if (!done) taken.set(archive, (done = new Set()));
  done.add(talk.id);
  // Every talk page has its parts: the threads and the memory they hold go now, not when the build ends.
  if (done.size === archive.talks.length) finish(pool);
  return parts;
}

/** Takes the pool from the pages, and closes it once it has answered what it was asked. */
function finish(pool: TranscriptWork): void {
  if (transcriptPool() === pool) useTranscriptPool(undefined);
  // A thread that fails to stop is no fault of the site, which it has finished working on.
  pool.close().catch(() => undefined);
}

/** What a citation of the talk says, with the talk page's absolute URL. */
export function citationSource(talk: Talk, site: URL | undefined): CitationSource {
  return {
    title: talk.data.title,
    speakers: talk.speakers.map(({ speaker, role }) => ({ name: speaker.data.name, role })),
    kind: kindLabel(talk.data.kind),
    url: new URL(routes.talk(talk.id), site ?? 'http://localhost/').toString(),
    ...(talk.event && { event: talk.event.data.name }),
    ...(talk.date && { date: talk.date }),
  };
}

/** The talk's search filters: everyone billed, its topics, event, kind and year. */
export function searchFacets(talk: Talk) {
  return {
    speaker: talk.speakers.map(({ speaker }) => speaker.data.name),
    topic: talk.topics.map((topic) => topic.data.title),
    event: talk.event ? [talk.event.data.name] : [],
    kind: [kindLabel(talk.data.kind)],
    year: talk.date ? [talk.date.slice(0, 4)] : [],
  };
}

/**
 * Who a transcript label stands for in this talk: a billed speaker (linked),
 * a declared voice, or the anonymous audience (unlinked, named as written).
 */
export function speakerResolver(talk: Talk): (label: string) => ResolvedSpeaker | undefined {
  return resolverOf({ speakers: billedSpeakers(talk), voices: talk.data.voices });
}

function billedSpeakers(talk: Talk): BilledSpeaker[] {
  return talk.speakers.map(({ speaker, role }) => ({
    slug: speaker.id,
    name: speaker.data.name,
    aliases: speaker.data.aliases,
    href: routes.speaker(speaker.id),
    role,
  }));
}

/** The talks a talk's page lists as related. */
export function relatedTalks(archive: Archive, talk: Talk): Talk[] {
  return relatedFinder(archive)(relatable(talk)).map(({ talk: other }) => other);
}

const finders = new WeakMap<Archive, (talk: Relatable) => (Relatable & { talk: Talk })[]>();

/** Related talks are looked up once per talk page, in an index made once per build. */
function relatedFinder(archive: Archive): (talk: Relatable) => (Relatable & { talk: Talk })[] {
  let finder = finders.get(archive);
  if (!finder) {
    finder = relatedTalksFinder(archive.talks.map((talk) => Object.assign(relatable(talk), { talk })));
    finders.set(archive, finder);
  }
  return finder;
}

function relatable(talk: Talk): Relatable {
  return { id: talk.id, speakerIds: talk.speakers.map(({ speaker }) => speaker.id), topicIds: talk.topics.map((topic) => topic.id), eventId: talk.event?.id };
}
