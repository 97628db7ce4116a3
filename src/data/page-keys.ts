import { createHash } from 'node:crypto';
import { contentDir } from '../lib/content/content-dir.ts';
import { REPOSITORY, SITE } from './site-settings.ts';
import { loadArchive, talksBySpeaker, type Archive, type EventEntry, type SpeakerEntry, type Talk, type TopicEntry } from './archive.ts';
import { relatedTalks } from './talk-page.ts';

/**
 * Each page's cache key for Astro's incremental build: a digest of every content file whose words the
 * page shows, so a page is rendered again when, and only when, one of them changed (Astro also renders
 * it again when its code changes). A talk's "card" is what any list of talks shows of it (title,
 * speakers' names, event, date, reading time, recording length): its own file, its speakers' and its
 * event's. Settings that change what pages say (the site's name, the repository of correction links)
 * are in every key.
 */
export interface PageKeys {
  talk(talk: Talk): string;
  speaker(id: string): string;
  topic(id: string): string;
  event(id: string): string;
}

const keysOf = new WeakMap<Archive, PageKeys>();

export function pageKeys(archive: Archive): PageKeys {
  let keys = keysOf.get(archive);
  if (keys) return keys;
  const digest = new Map<string, string>();
  for (const entry of [...archive.speakers, ...archive.events, ...archive.topics])
    digest.set(`${entry.collection}/${entry.id}`, String(entry.digest ?? entry.id));
  for (const talk of archive.talks) digest.set(`talks/${talk.id}`, talk.digest);
  const site = hash([JSON.stringify(SITE), JSON.stringify(REPOSITORY), contentDir(), process.cwd()]);
  // Any change anywhere: topic pages quote passages from every transcript.
  const everything = hash([site, ...[...digest].map(([key, value]) => `${key}=${value}`).sort()]);
  const cards = new Map(
    archive.talks.map((talk) => [
      talk.id,
      hash([
        digest.get(`talks/${talk.id}`),
        ...talk.speakers.map(({ speaker }) => digest.get(`speakers/${speaker.id}`)),
        talk.event && digest.get(`events/${talk.event.id}`),
      ]),
    ]),
  );
  const card = (talk: Talk) => cards.get(talk.id) ?? '';
  keys = {
    talk: (talk) => hash([site, card(talk), ...talk.topics.map((topic) => digest.get(`topics/${topic.id}`)), ...relatedTalks(archive, talk).map(card)]),
    speaker: (id) => hash([site, digest.get(`speakers/${id}`), ...[...talksBySpeaker(archive, id).values()].flat().map(card)]),
    topic: () => everything,
    event: (id) => hash([site, digest.get(`events/${id}`), ...archive.talks.filter((talk) => talk.event?.id === id).map(card)]),
  };
  keysOf.set(archive, keys);
  return keys;
}

function hash(parts: readonly (string | undefined)[]): string {
  return createHash('sha1')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('base64url');
}

/** What each collection's pages are made from. */
interface PageEntries {
  talks: Talk;
  speakers: SpeakerEntry;
  events: EventEntry;
  topics: TopicEntry;
}

/** The props of a page made from one entry of a collection. */
export interface EntryPageProps<C extends keyof PageEntries> {
  entry: PageEntries[C];
}

/**
 * The pages of one collection for `getStaticPaths`, one an entry: at the entry's id, with the entry as
 * its props and its cache key.
 */
export async function entryPages<C extends keyof PageEntries>(
  collection: C,
): Promise<{ params: { slug: string }; props: EntryPageProps<C>; cacheKey: string }[]> {
  const archive = await loadArchive();
  const keys = pageKeys(archive);
  const keyOf = (entry: PageEntries[keyof PageEntries]) =>
    collection === 'talks' ? keys.talk(entry as Talk) : keys[collection === 'speakers' ? 'speaker' : collection === 'events' ? 'event' : 'topic'](entry.id);
  return (archive[collection] as PageEntries[C][]).map((entry) => ({ params: { slug: entry.id }, props: { entry }, cacheKey: keyOf(entry) }));
}
