import { field, type Catalogue, type CatalogueEvent, type CatalogueSpeaker, type CatalogueTalk, type CatalogueTopic } from '../lib/export/catalogue.ts';
import { contentDir } from '../lib/content/content-dir.ts';
import { sourceFileUrl } from '../lib/corrections.ts';
import { readingMinutes } from '../lib/format.ts';
import { talkEmbedUrl, talkLength, talkRecording, type Recording } from '../lib/recording/talk-recording.ts';
import { routes } from '../lib/routes.ts';
import { programme, talksBySpeaker, talksOnTopic, type Archive, type EventEntry, type SpeakerEntry, type Talk, type TopicEntry } from './archive.ts';
import { archivePassages } from './archive-passages.ts';
import { REPOSITORY, SITE } from './site-settings.ts';
import { talkDownloads } from './talk-downloads.ts';

/** An absolute URL for a site path. */
export type Absolute = (path: string) => string;

export function absoluteUrls(site: URL | undefined): Absolute {
  return (path) => new URL(path, site ?? 'http://localhost/').href;
}

/** The web address of a talk's source file, for corrections; undefined without a configured repository. */
export function talkSourceFile(talk: Talk): string | undefined {
  return sourceFileUrl(REPOSITORY, talk.filePath, contentDir(), process.cwd());
}

const catalogues = new WeakMap<Archive, Map<string, Catalogue>>();

/**
 * The whole archive as the JSON export (and the feed and JSON-LD) describe it, made once per build
 * for each origin: the feed and /catalogue.json share it.
 */
export function buildCatalogue(archive: Archive, absolute: Absolute): Catalogue {
  let byOrigin = catalogues.get(archive);
  if (!byOrigin) catalogues.set(archive, (byOrigin = new Map<string, Catalogue>()));
  const origin = absolute(routes.home());
  let catalogue = byOrigin.get(origin);
  if (!catalogue) byOrigin.set(origin, (catalogue = makeCatalogue(archive, absolute)));
  return catalogue;
}

function makeCatalogue(archive: Archive, absolute: Absolute): Catalogue {
  const activity = archivePassages(archive).bySpeaker;
  return {
    name: SITE.name,
    description: SITE.description,
    url: absolute(routes.home()),
    feed: absolute(routes.feed()),
    talks: archive.talks.map((talk) => catalogueTalk(talk, absolute)),
    speakers: archive.speakers.map((speaker) => catalogueSpeaker(archive, speaker, absolute, activity.get(speaker.id))),
    topics: archive.topics.map((topic) => catalogueTopic(archive, topic, absolute)),
    events: archive.events.map((event) => catalogueEvent(archive, event, absolute)),
  };
}

export function catalogueTalk(talk: Talk, absolute: Absolute): CatalogueTalk {
  const { data } = talk;
  return {
    id: talk.id,
    url: absolute(routes.talk(talk.id)),
    title: data.title,
    kind: data.kind,
    ...field('date', talk.date),
    ...field('summary', data.summary),
    speakers: talk.speakers.map(({ speaker, role }) => ({ id: speaker.id, name: speaker.data.name, url: absolute(routes.speaker(speaker.id)), role })),
    ...field('voices', data.voices),
    ...field(
      'event',
      talk.event && {
        id: talk.event.id,
        name: talk.event.data.name,
        url: absolute(routes.event(talk.event.id)),
        ...field('session', data.session !== undefined && talk.sessionTitle !== undefined ? { id: data.session, title: talk.sessionTitle } : undefined),
        ...field('order', data.order),
      },
    ),
    topics: talk.topics.map((topic) => ({ id: topic.id, number: topic.data.number, title: topic.data.title, url: absolute(routes.topic(topic.id)) })),
    sources: data.sources.map(({ label, url }) => ({ label, url })),
    ...recordingFields(talkRecording(data.sources)),
    ...field(
      'transcript',
      talk.hasTranscript
        ? {
            words: talk.wordCount,
            readingMinutes: readingMinutes(talk.wordCount),
            ...field('provenance', data.transcript?.provenance),
            ...field('origin', data.transcript?.origin),
            ...field('language', data.transcript?.language),
          }
        : undefined,
    ),
    ...field('downloads', catalogueDownloads(talk, absolute)),
    ...field('sourceFile', talkSourceFile(talk)),
  };
}

function recordingFields(recording: Recording | undefined): Pick<CatalogueTalk, 'recording' | 'duration'> {
  if (!recording) return {};
  return {
    recording: {
      kind: recording.kind,
      url: recording.url,
      ...field('embedUrl', talkEmbedUrl(recording)),
      start: recording.start,
      ...field('end', recording.end),
      ...field('recordingDuration', recording.duration),
    },
    ...field('duration', talkLength(recording)),
  };
}

/** The talk's downloads by format, at absolute URLs; none without a transcript. */
function catalogueDownloads(talk: Talk, absolute: Absolute): CatalogueTalk['downloads'] {
  const url = new Map(talkDownloads(talk).map((download) => [download.format, absolute(download.path)]));
  const [text, markdown] = [url.get('text'), url.get('markdown')];
  if (text === undefined || markdown === undefined) return undefined;
  return { text, markdown, ...field('webvtt', url.get('webvtt')), ...field('srt', url.get('srt')) };
}

export function catalogueSpeaker(
  archive: Archive,
  speaker: SpeakerEntry,
  absolute: Absolute,
  activity: { turns: number; words: number; talkIds: readonly string[] } | undefined,
): CatalogueSpeaker {
  const talks = [...talksBySpeaker(archive, speaker.id)].flatMap(([role, list]) => list.map((talk) => ({ id: talk.id, role })));
  return {
    id: speaker.id,
    url: absolute(routes.speaker(speaker.id)),
    name: speaker.data.name,
    ...field('affiliation', speaker.data.affiliation),
    ...field('bio', speaker.body?.trim()),
    links: speaker.data.links.map(({ label, url }) => ({ label, url })),
    talks,
    ...field('speaks', activity && activity.turns > 0 ? { turns: activity.turns, words: activity.words, talks: activity.talkIds.length } : undefined),
  };
}

export function catalogueTopic(archive: Archive, topic: TopicEntry, absolute: Absolute): CatalogueTopic {
  return {
    id: topic.id,
    url: absolute(routes.topic(topic.id)),
    number: topic.data.number,
    title: topic.data.title,
    category: topic.data.category,
    ...field('text', topic.body?.trim()),
    ...field('source', topic.data.source?.id),
    talks: talksOnTopic(archive, topic.id).map((talk) => talk.id),
  };
}

export function catalogueEvent(archive: Archive, event: EventEntry, absolute: Absolute): CatalogueEvent {
  const sessions = programme(archive, event);
  return {
    id: event.id,
    url: absolute(routes.event(event.id)),
    name: event.data.name,
    ...field('start', event.data.start),
    ...field('end', event.data.end),
    ...field('place', event.data.place),
    ...field('description', event.body?.trim()),
    links: event.data.links.map(({ label, url }) => ({ label, url })),
    sessions: sessions.flatMap((session) =>
      session.id === undefined ? [] : [{ id: session.id, title: session.title, talks: session.talks.map((talk) => talk.id) }],
    ),
    talks: sessions.flatMap((session) => session.talks.map((talk) => talk.id)),
  };
}

/** The site as JSON-LD names it. */
export function siteRef(absolute: Absolute): { name: string; url: string } {
  return { name: SITE.name, url: absolute(routes.home()) };
}
