import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { EventData } from '../../schemas/event.ts';
import type { SpeakerData } from '../../schemas/speaker.ts';
import type { TalkData } from '../../schemas/talk.ts';
import type { TopicData } from '../../schemas/topic.ts';
import { schemas } from './checks/collection-schemas.ts';
import { checkCollection } from './checks/entries.ts';
import { checkReferences } from './checks/references.ts';
import { strayFiles } from './checks/stray-files.ts';
import type { ContentIssue } from './content-issue.ts';
import type { CollectionName, RawEntry } from './read-collection.ts';
import type { TranscriptOutline } from './transcript-outline.ts';

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

/**
 * Where the outlines of unchanged transcripts are kept between runs (the build keeps them in its
 * cache folder): outlining is most of the check's time, and a file with the same digest has the same one.
 */
export interface OutlineCache {
  get(digest: string): TranscriptOutline | undefined;
  set(digest: string, outline: TranscriptOutline): void;
}

/**
 * Checks the whole content folder the way the build will read it, and more:
 * schemas with line numbers, slugs, references between entries, sessions and
 * transcript labels. Pure file reading: no Astro needed, so it runs in the
 * build, in `npm run check` and in tests alike. Each kind of check is a module
 * of checks/: stray files, entries and their schemas, paragraph length,
 * references between entries, transcripts and their labels.
 */
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
