import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { SLUG_PATTERN, slugReference } from '../../schemas/common.ts';
import { eventSchema, type EventData } from '../../schemas/event.ts';
import { LIMITS } from '../../schemas/limits.ts';
import { speakerSchema, type SpeakerData } from '../../schemas/speaker.ts';
import { talkSchema, type TalkData } from '../../schemas/talk.ts';
import { topicSchema, type TopicData } from '../../schemas/topic.ts';
import { anonymousVoice, createLabelResolver } from '../transcript/speaker-labels.ts';
import { countWords } from '../words.ts';
import { characterIssues, labelIssue } from './check-text.ts';
import { examinePath, hiddenEntry } from './content-files.ts';
import { fieldPath, type ContentIssue } from './content-issue.ts';
import { parseEntryFile } from './front-matter.ts';
import { COLLECTIONS, readCollection, type CollectionName, type RawEntry } from './read-collection.ts';
import { outlineTranscript, type TranscriptOutline } from './transcript-outline.ts';

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

const MISSING = 'is required but missing';
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
/**
 * Where the outlines of unchanged transcripts are kept between runs (the build keeps them in its
 * cache folder): outlining is most of the check's time, and a file with the same digest has the same one.
 */
export interface OutlineCache {
  get(digest: string): TranscriptOutline | undefined;
  set(digest: string, outline: TranscriptOutline): void;
}

export function validateArchive(contentDir: string, { outlines }: { outlines?: OutlineCache } = {}): ArchiveReport {
  const issues: ContentIssue[] = [];
  if (!existsSync(contentDir)) {
    issues.push({ file: relative(process.cwd(), contentDir) || contentDir, message: 'the content folder does not exist; create it or point ARCHIVE_CONTENT_DIR at your archive' });
    return { issues, talks: [], speakers: [], events: [], topics: [] };
  }
  issues.push(...strayFiles(contentDir));
  // Files with a paragraph too long to publish: reported once, not parsed further.
  const unsplit = new Set<string>();
  // Slugs of every entry file, valid or not, by collection.
  const present = new Map<CollectionName, Set<string>>();
  const talks = checkCollection(contentDir, 'talks', schemas.talks, issues, unsplit, present) as CheckedEntry<TalkData>[];
  const speakers = checkCollection(contentDir, 'speakers', schemas.speakers, issues, unsplit, present) as CheckedEntry<SpeakerData>[];
  const events = checkCollection(contentDir, 'events', schemas.events, issues, unsplit, present) as CheckedEntry<EventData>[];
  const topics = checkCollection(contentDir, 'topics', schemas.topics, issues, unsplit, present) as CheckedEntry<TopicData>[];
  checkReferences({ talks, speakers, events, topics }, issues, unsplit, present, outlines);
  return { issues, talks, speakers, events, topics };
}

/**
 * Files directly in the content folder, or in a folder that is not a collection, would be silently
 * ignored. A near miss of a collection's name (talk/, Speakers/) says which folder was meant, and an
 * entry file at the top says which collection it belongs to.
 */
function strayFiles(contentDir: string): ContentIssue[] {
  return readdirSync(contentDir)
    .sort()
    .filter((name) => name !== 'README.md' && !(COLLECTIONS as readonly string[]).includes(name))
    .flatMap((name): ContentIssue[] => {
      const path = join(contentDir, name);
      const file = relative(process.cwd(), path) || path;
      if (name.startsWith('.')) {
        const hidden = hiddenEntry(path, name);
        return hidden ? [hidden] : [];
      }
      // Examined before anything is read: a FIFO named like an entry would hang the read.
      const found = examinePath(path, contentDir);
      if (found.kind === 'problem') return [found.issue];
      const meant = COLLECTIONS.find((collection) => nearMiss(name, collection));
      if (meant) return [{ file, field: 'folder', message: `is not a collection folder; did you mean ${meant}/? Move its files to ${meant}/ (collections: ${COLLECTIONS.map((c) => `${c}/`).join(', ')})` }];
      const belongs = name.endsWith('.md') && found.kind === 'file' ? collectionOfFile(path) : undefined;
      const where = belongs ? `it reads as a ${SINGULAR[belongs]} entry, so move it to ${belongs}/` : `entries belong in ${COLLECTIONS.map((c) => `${c}/`).join(', ')}`;
      return [{ file, field: 'folder', message: `is not in a collection folder and would be ignored; ${where}` }];
    });
}

const SINGULAR: Record<CollectionName, string> = { talks: 'talk', speakers: 'speaker', events: 'event', topics: 'topic' };

/** "talk", "Talks", "speaker" for "speakers": a folder name one letter or a case away from a collection's. */
function nearMiss(name: string, collection: string): boolean {
  const lower = name.toLowerCase();
  return lower === collection || lower === collection.slice(0, -1) || lower === `${collection}s`;
}

/** The collection whose schema accepts a file's front matter, if exactly one does. */
function collectionOfFile(path: string): CollectionName | undefined {
  try {
    const parsed = parseEntryFile(readFileSync(path, 'utf8'), path);
    return 'message' in parsed ? undefined : collectionOf(parsed.data);
  } catch {
    return undefined;
  }
}

function collectionOf(data: Record<string, unknown>, except?: CollectionName): CollectionName | undefined {
  const fits = COLLECTIONS.filter((collection) => collection !== except && schemas[collection].safeParse(data).success);
  return fits.length === 1 ? fits[0] : undefined;
}

function checkCollection(contentDir: string, collection: CollectionName, schema: z.ZodType, issues: ContentIssue[], unsplit: Set<string>, present: Map<CollectionName, Set<string>>): CheckedEntry<unknown>[] {
  const read = readCollection(contentDir, collection);
  issues.push(...read.issues);
  present.set(collection, read.slugs);
  const checked: CheckedEntry<unknown>[] = [];
  const firstFileOf = new Map<string, string>();
  for (const entry of read.entries) {
    if (!SLUG_PATTERN.test(entry.id)) {
      issues.push({ file: entry.file, field: 'file name', message: `"${entry.id}" is not a valid slug; name the file in lower-case words joined by hyphens, such as jan-leike.md` });
    } else if (entry.id.length > LIMITS.slug) {
      issues.push({ file: entry.file, field: 'file name', message: `the slug is ${entry.id.length} characters long; at most ${LIMITS.slug} are allowed (it is the page's address): shorten the file name` });
    }
    const earlier = firstFileOf.get(entry.id);
    if (earlier) {
      issues.push({ file: entry.file, field: 'file name', message: `duplicate slug "${entry.id}": ${earlier} has it already; rename one of the files` });
    }
    firstFileOf.set(entry.id, entry.file);

    const oversized = oversizedBlocks(entry, collection);
    issues.push(...oversized);
    if (oversized.length > 0) unsplit.add(entry.file);
    issues.push(...characterIssues(entry, collection === 'talks' ? 'transcript' : 'body'));
    const result = schema.safeParse(entry.data, { error: (issue) => (issue.input === undefined ? MISSING : undefined) });
    if (result.success) {
      checked.push({ ...entry, valid: result.data });
      continue;
    }
    // A talk saved in speakers/ fails the speaker schema on every field; say where it belongs instead.
    const belongs = collectionOf(entry.data, collection);
    if (belongs) {
      issues.push({ file: entry.file, line: 1, field: 'folder', message: `this is a ${SINGULAR[belongs]} entry (its fields fit the ${belongs} schema, not the ${collection} one), but it is in ${collection}/; move it to ${belongs}/` });
      continue;
    }
    for (const problem of result.error.issues) {
      const path = problem.code === 'unrecognized_keys' ? [...problem.path, problem.keys[0] ?? ''] : problem.path;
      let message = withHint(problem.message, path);
      if (problem.code === 'unrecognized_keys') message = `unknown field; the ${collection} schema has no field "${problem.keys.join('", "')}" (check the spelling)`;
      else if (problem.code === 'invalid_value' && problem.values.length > 1) {
        const value = valueAt(entry.data, path);
        const choices = problem.values.map((choice) => JSON.stringify(choice)).join(', ');
        // A missing field is missing, as for a title, not the value "undefined".
        message = value === undefined ? `${withHint(MISSING, path)} (one of ${choices})` : `${JSON.stringify(value)} is not allowed here; write one of ${choices}`;
      }
      issues.push({ file: entry.file, line: entry.lineOf(path), field: fieldPath(path) || 'front matter', message });
    }
  }
  return checked;
}

/** The front-matter value at a schema path. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** A missing field says what to add. */
function withHint(message: string, path: readonly PropertyKey[]): string {
  const key = path.at(-1);
  if (message !== MISSING || typeof key !== 'string') return message;
  return `${message}; add a "${key}:" line${path.length > 1 ? ` under ${fieldPath(path.slice(0, -1))}` : ''} to the front matter`;
}

interface Checked {
  talks: CheckedEntry<TalkData>[];
  speakers: CheckedEntry<SpeakerData>[];
  events: CheckedEntry<EventData>[];
  topics: CheckedEntry<TopicData>[];
}

function checkReferences({ talks, speakers, events, topics }: Checked, issues: ContentIssue[], unsplit: ReadonlySet<string>, present: ReadonlyMap<CollectionName, ReadonlySet<string>>, outlines: OutlineCache | undefined): void {
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

/**
 * The longest block of text (lines with no blank line between them) a body may hold. The longest
 * paragraph of the seed archive has 1,342 characters. A paragraph is one passage: one id to link
 * to, one search result, one quotation; a text pasted without paragraph breaks would be one
 * passage of a whole talk, so it is reported rather than published.
 */
export const MAX_BLOCK_CHARACTERS = 20_000;

/** Blocks of text longer than MAX_BLOCK_CHARACTERS, each at its first line. */
function oversizedBlocks(entry: RawEntry, collection: CollectionName): ContentIssue[] {
  const found: ContentIssue[] = [];
  const { body } = entry;
  if (body.length <= MAX_BLOCK_CHARACTERS) return found;
  let blockStart = -1;
  let blockEnd = -1;
  let blockLine = 0;
  const close = () => {
    if (blockStart !== -1 && blockEnd - blockStart > MAX_BLOCK_CHARACTERS) {
      const text = body.slice(blockStart, blockEnd);
      found.push({
        file: entry.file,
        line: entry.bodyStartLine + blockLine,
        field: collection === 'talks' ? 'transcript' : 'body',
        message:
          `one paragraph of ${text.length.toLocaleString('en')} characters (${countWords(text).toLocaleString('en')} words) with no blank line in it; ` +
          `a paragraph may hold at most ${MAX_BLOCK_CHARACTERS.toLocaleString('en')} characters. Each paragraph is one passage to link to, quote and find, ` +
          `so split the text into paragraphs with blank lines (at each change of speaker or subject; the importer does this for caption files)`,
      });
    }
    blockStart = -1;
  };
  for (let position = 0, line = 0; position <= body.length; line += 1) {
    let end = body.indexOf('\n', position);
    if (end === -1) end = body.length;
    if (/^\s*$/.test(body.slice(position, end))) close();
    else {
      if (blockStart === -1) [blockStart, blockLine] = [position, line];
      blockEnd = end;
    }
    position = end + 1;
  }
  close();
  return found;
}

/**
 * Checks a talk's body: that its transcript is not empty where it claims to have one, that every
 * turn says something, and that every turn label names one of the talk's own speakers.
 */
function checkTranscript(talk: CheckedEntry<TalkData>, speakerById: Map<string, CheckedEntry<SpeakerData>>, issues: ContentIssue[], unsplit: ReadonlySet<string>, outlines: OutlineCache | undefined): void {
  const blank = talk.body.trim() === '';
  if (blank) {
    // An empty body is a talk without a transcript yet, and valid; a transcript field says there is one.
    if (talk.valid.transcript !== undefined) {
      issues.push({
        file: talk.file,
        line: talk.lineOf(['transcript']),
        field: 'transcript',
        message: 'the front matter describes a transcript, but the body below it is empty; paste the transcript after the closing "---", or remove the transcript field until you have one',
      });
    }
    return;
  }
  // A text that was not split into paragraphs is reported already; its turns would only add noise.
  if (unsplit.has(talk.file)) return;
  let outline = outlines?.get(talk.digest);
  if (!outline) {
    outline = outlineTranscript(talk.body);
    outlines?.set(talk.digest, outline);
  }
  if (!outline.hasWords) {
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine,
      field: 'transcript',
      message: 'the transcript has no words, only labels, timestamps or markup; add the text, or leave the body empty (the page then says no transcript is in the archive yet)',
    });
    return;
  }
  for (const turn of outline.turns) {
    if (turn.continued || turn.hasWords) continue;
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine + turn.line - 1,
      field: 'transcript',
      message: `the turn of "${turn.label}" has no words before the next label or heading; add what was said (or [inaudible]), or delete the label`,
    });
  }
  checkTurnLabels(talk, outline, speakerById, issues);
}

/** Every turn label must name one of the talk's own speakers. */
function checkTurnLabels(talk: CheckedEntry<TalkData>, outline: TranscriptOutline, speakerById: Map<string, CheckedEntry<SpeakerData>>, issues: ContentIssue[]): void {
  // A missing speaker entry is reported already; its labels would only repeat that.
  if (talk.valid.speakers.some(({ speaker }) => !speakerById.has(speaker))) return;
  const billed = talk.valid.speakers.map(({ speaker }) => {
    const entry = speakerById.get(speaker) as CheckedEntry<SpeakerData>;
    return { slug: entry.id, name: entry.valid.name, aliases: entry.valid.aliases };
  });
  const resolve = createLabelResolver([...billed, ...talk.valid.voices.map((voice) => ({ slug: voice, name: voice, aliases: [] }))]);
  const reported = new Set<string>();
  for (const turn of outline.turns) {
    if (turn.continued || reported.has(turn.label)) continue;
    const bidi = labelIssue(talk.file, talk.bodyStartLine + turn.line - 1, turn.label);
    if (bidi) {
      issues.push(bidi);
      reported.add(turn.label);
      continue;
    }
    if (resolve(turn.label) || anonymousVoice(turn.label)) continue;
    reported.add(turn.label);
    const names = billed.map((speaker) => speaker.name).join(', ') || 'none';
    issues.push({
      file: talk.file,
      line: talk.bodyStartLine + turn.line - 1,
      field: 'transcript label',
      message: `"${turn.label}" is not one of this talk's speakers (${names}), voices or "Audience member"/"Unknown speaker"; add the speaker to the speakers field, their spelling to the speaker's aliases, or the label to voices`,
    });
  }
}
