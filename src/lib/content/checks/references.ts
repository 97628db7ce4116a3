import type { EventData } from '../../../schemas/event.ts';
import type { SpeakerData } from '../../../schemas/speaker.ts';
import type { TalkData } from '../../../schemas/talk.ts';
import type { TopicData } from '../../../schemas/topic.ts';
import { fieldPath, type ContentIssue } from '../content-issue.ts';
import type { CollectionName, RawEntry } from '../read-collection.ts';
import type { CheckedEntry, OutlineCache } from '../validate-archive.ts';
import { checkTranscript } from './transcripts.ts';

export interface Checked {
  talks: CheckedEntry<TalkData>[];
  speakers: CheckedEntry<SpeakerData>[];
  events: CheckedEntry<EventData>[];
  topics: CheckedEntry<TopicData>[];
}

/**
 * Checks what entries say of each other: events, sessions and programme order, billed speakers
 * (each once), topics, a topic's source talk; then each talk's transcript (transcripts.ts).
 */
export function checkReferences({ talks, speakers, events, topics }: Checked, issues: ContentIssue[], unsplit: ReadonlySet<string>, present: ReadonlyMap<CollectionName, ReadonlySet<string>>, outlines: OutlineCache | undefined): void {
  const speakerById = new Map(speakers.map((entry) => [entry.id, entry]));
  const eventById = new Map(events.map((entry) => [entry.id, entry]));
  const topicIds = new Set(topics.map((entry) => entry.id));
  const talkIds = new Set(talks.map((entry) => entry.id));
  const missing = (entry: RawEntry, path: PropertyKey[], what: string, id: string, folder: CollectionName) => {
    // The file is there but broken, and reported as such: saying it does not exist would mislead.
    if (present.get(folder)?.has(id)) return;
    issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path), message: `unknown ${what} "${id}"; no file ${folder}/${id}.md exists (check the slug or add the entry)` });
  };

  const programmeSlots = new Map<string, string>();
  for (const talk of talks) {
    const { event, session, order, speakers: billed, topics: tagged } = talk.valid;
    if (event !== undefined) {
      const eventEntry = eventById.get(event);
      if (!eventEntry) missing(talk, ['event'], 'event', event, 'events');
      else if (session !== undefined && !eventEntry.valid.sessions.some((s) => s.id === session)) {
        const known = eventEntry.valid.sessions.map((s) => s.id).join(', ') || 'none';
        issues.push({ file: talk.file, line: talk.lineOf(['session']), field: 'session', message: `event "${event}" has no session "${session}" (its sessions: ${known})` });
      }
      if (order !== undefined) {
        const slot = `${event}/${session ?? ''}/${order}`;
        const holder = programmeSlots.get(slot);
        if (holder) issues.push({ file: talk.file, line: talk.lineOf(['order']), field: 'order', message: `${holder} already has order ${order} in this session` });
        programmeSlots.set(slot, talk.file);
      }
    } else if (session !== undefined) {
      issues.push({ file: talk.file, line: talk.lineOf(['session']), field: 'session', message: 'a session needs an event; add the event field or remove the session' });
    }
    const seen = new Set<string>();
    billed.forEach(({ speaker }, index) => {
      if (!speakerById.has(speaker)) missing(talk, ['speakers', index, 'speaker'], 'speaker', speaker, 'speakers');
      if (seen.has(speaker)) issues.push({ file: talk.file, line: talk.lineOf(['speakers', index]), field: `speakers[${index}].speaker`, message: `"${speaker}" is listed twice` });
      seen.add(speaker);
    });
    tagged.forEach((topic, index) => {
      if (!topicIds.has(topic)) missing(talk, ['topics', index], 'topic', topic, 'topics');
    });
    checkTranscript(talk, speakerById, issues, unsplit, outlines);
  }
  for (const topic of topics) {
    const source = topic.valid.source;
    if (source !== undefined && !talkIds.has(source)) missing(topic, ['source'], 'talk', source, 'talks');
  }
}
