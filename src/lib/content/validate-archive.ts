import { existsSync, readdirSync } from 'node:fs';
import { relative } from 'node:path';
import type { z } from 'astro/zod';
import { slugReference } from '../../schemas/common.ts';
import { eventSchema, type EventData } from '../../schemas/event.ts';
import { speakerSchema, type SpeakerData } from '../../schemas/speaker.ts';
import { talkSchema, type TalkData } from '../../schemas/talk.ts';
import { topicSchema, type TopicData } from '../../schemas/topic.ts';
import { parseTranscript } from '../transcript/parse-transcript.ts';
import { anonymousVoice, createLabelResolver } from '../transcript/speaker-labels.ts';
import { fieldPath, type ContentIssue } from './content-issue.ts';
import { COLLECTIONS, readCollection, type CollectionName, type RawEntry } from './read-collection.ts';

/** An entry that passed its schema, with references still as slugs. */
export interface CheckedEntry<T> extends RawEntry {
  valid: T;
}

export interface ArchiveReport {
  issues: ContentIssue[];
  talks: CheckedEntry<TalkData>[];
  speakers: CheckedEntry<SpeakerData>[];
  events: CheckedEntry<EventData>[];
  topics: CheckedEntry<TopicData>[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const schemas = {
  talks: talkSchema(slugReference),
  speakers: speakerSchema(),
  events: eventSchema(),
  topics: topicSchema(slugReference),
} satisfies Record<CollectionName, z.ZodType>;

/**
 * Checks the whole content folder the way the build will read it, and more:
 * schemas with line numbers, slugs, references between entries, sessions and
 * transcript labels. Pure file reading: no Astro needed, so it runs in the
 * build, in `npm run check` and in tests alike.
 */
export function validateArchive(contentDir: string): ArchiveReport {
  const issues: ContentIssue[] = [];
  if (!existsSync(contentDir)) {
    issues.push({ file: relative(process.cwd(), contentDir) || contentDir, message: 'the content folder does not exist; create it or point ARCHIVE_CONTENT_DIR at your archive' });
    return { issues, talks: [], speakers: [], events: [], topics: [] };
  }
  issues.push(...strayFiles(contentDir));
  const talks = checkCollection(contentDir, 'talks', schemas.talks, issues) as CheckedEntry<TalkData>[];
  const speakers = checkCollection(contentDir, 'speakers', schemas.speakers, issues) as CheckedEntry<SpeakerData>[];
  const events = checkCollection(contentDir, 'events', schemas.events, issues) as CheckedEntry<EventData>[];
  const topics = checkCollection(contentDir, 'topics', schemas.topics, issues) as CheckedEntry<TopicData>[];
  checkReferences({ talks, speakers, events, topics }, issues);
  return { issues, talks, speakers, events, topics };
}

/** Files directly in the content folder, or in a folder that is not a collection, would be silently ignored. */
function strayFiles(contentDir: string): ContentIssue[] {
  return readdirSync(contentDir)
    .filter((name) => !name.startsWith('.') && name !== 'README.md' && !(COLLECTIONS as readonly string[]).includes(name))
    .map((name) => ({
      file: relative(process.cwd(), `${contentDir}/${name}`),
      message: `is not in a collection folder; entries belong in ${COLLECTIONS.map((c) => `${c}/`).join(', ')}`,
    }));
}

function checkCollection(contentDir: string, collection: CollectionName, schema: z.ZodType, issues: ContentIssue[]): CheckedEntry<unknown>[] {
  const read = readCollection(contentDir, collection);
  issues.push(...read.issues);
  const checked: CheckedEntry<unknown>[] = [];
  const firstFileOf = new Map<string, string>();
  for (const entry of read.entries) {
    if (!SLUG.test(entry.id)) {
      issues.push({ file: entry.file, field: 'file name', message: `"${entry.id}" is not a valid slug; name the file in lower-case words joined by hyphens, such as jan-leike.md` });
    }
    const earlier = firstFileOf.get(entry.id);
    if (earlier) {
      issues.push({ file: entry.file, field: 'file name', message: `duplicate slug "${entry.id}": ${earlier} has it already; rename one of the files` });
    }
    firstFileOf.set(entry.id, entry.file);

    const result = schema.safeParse(entry.data, { error: (issue) => (issue.input === undefined ? 'is required but missing' : undefined) });
    if (result.success) {
      checked.push({ ...entry, valid: result.data });
      continue;
    }
    for (const problem of result.error.issues) {
      const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
      const message = problem.code === 'unrecognized_keys' ? `unknown field; the ${collection} schema has no field "${problem.keys.join('", "')}" (check the spelling)` : problem.message;
      issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path) || 'front matter', message });
    }
  }
  return checked;
}

interface Checked {
  talks: CheckedEntry<TalkData>[];
  speakers: CheckedEntry<SpeakerData>[];
  events: CheckedEntry<EventData>[];
  topics: CheckedEntry<TopicData>[];
}

function checkReferences({ talks, speakers, events, topics }: Checked, issues: ContentIssue[]): void {
  const speakerById = new Map(speakers.map((entry) => [entry.id, entry]));
  const eventById = new Map(events.map((entry) => [entry.id, entry]));
  const topicIds = new Set(topics.map((entry) => entry.id));
  const talkIds = new Set(talks.map((entry) => entry.id));
  const missing = (entry: RawEntry, path: PropertyKey[], what: string, id: string, folder: string) =>
    issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path), message: `unknown ${what} "${id}"; no file ${folder}/${id}.md exists (check the slug or add the entry)` });

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
    checkTurnLabels(talk, speakerById, issues);
  }
  for (const topic of topics) {
    const source = topic.valid.source;
    if (source !== undefined && !talkIds.has(source)) missing(topic, ['source'], 'talk', source, 'talks');
  }
}

/** Every turn label must name one of the talk's own speakers. */
function checkTurnLabels(talk: CheckedEntry<TalkData>, speakerById: Map<string, CheckedEntry<SpeakerData>>, issues: ContentIssue[]): void {
  // A missing speaker entry is reported already; its labels would only repeat that.
  if (talk.valid.speakers.some(({ speaker }) => !speakerById.has(speaker))) return;
  const billed = talk.valid.speakers.map(({ speaker }) => {
    const entry = speakerById.get(speaker) as CheckedEntry<SpeakerData>;
    return { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases };
  });
  const resolve = createLabelResolver([...billed, ...talk.valid.voices.map((voice) => ({ slug: voice, name: voice, aliases: [] }))]);
  const reported = new Set<string>();
  for (const block of parseTranscript(talk.body).blocks) {
    if (block.kind !== 'turn' || block.continued || resolve(block.label) || anonymousVoice(block.label) || reported.has(block.label)) continue;
    reported.add(block.label);
    const names = billed.map((speaker) => speaker.name).join(', ') || 'none';
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine + block.line - 1,
      field: 'transcript label',
      message: `"${block.label}" is not one of this talk's speakers (${names}), voices or "Audience member"/"Unknown speaker"; add the speaker to the speakers field, their spelling to the speaker's aliases, or the label to voices`,
    });
  }
}
