import { kindLabel } from '../lib/format.ts';
import { routes } from '../lib/routes.ts';
import { catalogueEntry, pageRecord, talkRecords, type SearchCatalogue, type SearchRecord, type TalkFacets } from '../lib/search/search-records.ts';
import { parseTranscript } from '../lib/transcript/parse-transcript.ts';
import { dateLabel, loadArchive, talksBySpeaker, type Talk } from './archive.ts';
import { speakerResolver } from './talk-page.ts';

/** Every search record of the archive: talks and their passages, speakers, topics and events. */
export async function searchRecords(): Promise<SearchRecord[]> {
  const archive = await loadArchive();
  const records = archive.talks.flatMap(recordsOfTalk);
  for (const speaker of archive.speakers) {
    const titles = [...talksBySpeaker(archive, speaker.id).values()].flat().map((talk) => talk.data.title);
    records.push(pageRecord(routes.speaker(speaker.id), speaker.data.name, [speaker.data.aliases.join(', '), speaker.data.affiliation, speaker.body, ...titles], { speaker: [speaker.data.name] }));
  }
  for (const topic of archive.topics) {
    records.push(pageRecord(routes.topic(topic.id), `${topic.data.number} ${topic.data.title}`, [topic.data.category, topic.body], { topic: [topic.data.title] }));
  }
  for (const event of archive.events) {
    records.push(pageRecord(routes.event(event.id), event.data.name, [event.data.place, event.body], { event: [event.data.name] }));
  }
  return records;
}

/** The search page's catalogue of talks, to name the talk of each passage it shows. */
export async function searchCatalogue(): Promise<SearchCatalogue> {
  const archive = await loadArchive();
  return Object.fromEntries(archive.talks.map((talk) => [routes.talk(talk.id), catalogueEntry(talkFacets(talk))]));
}

function recordsOfTalk(talk: Talk): SearchRecord[] {
  const resolve = speakerResolver(talk);
  return talkRecords(talkFacets(talk), parseTranscript(talk.body), (label) => resolve(label)?.name ?? label);
}

function talkFacets(talk: Talk): TalkFacets {
  const date = dateLabel(talk);
  return {
    url: routes.talk(talk.id),
    title: talk.data.title,
    kind: kindLabel(talk.data.kind),
    topics: talk.topics.map((topic) => topic.data.title),
    speakers: talk.speakers.map(({ speaker }) => speaker.data.name),
    authors: talk.speakers.filter(({ role }) => role === 'author' || role === 'speaker').map(({ speaker }) => speaker.data.name),
    ...(date && { dateLabel: date }),
    ...(talk.date && { year: talk.date.slice(0, 4) }),
    ...(talk.event && { event: talk.event.data.name }),
    ...(talk.data.summary && { summary: talk.data.summary }),
  };
}
