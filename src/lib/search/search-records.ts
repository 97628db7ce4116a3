import type { ParsedTranscript, Passage } from '../transcript/parse-transcript.ts';
import { words } from '../words.ts';

/** One searchable unit: Pagefind indexes `content` and returns `meta` and `url` with each hit. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Facets shared by every record of a talk. */
export interface TalkFacets {
  url: string;
  title: string;
  /** "Interview", "Lightning talk". */
  kind: string;
  /** As shown: "February 2023". */
  dateLabel?: string;
  year?: string;
  event?: string;
  topics: readonly string[];
  /** Everyone billed, by name. */
  speakers: readonly string[];
  /** Who the text belongs to when it has no turns (an essay's authors). */
  authors: readonly string[];
  summary?: string;
}

/**
 * Passages shorter than this join the next passage of the same turn, so that
 * "Yeah." is not a result of its own; longer runs start a new record, so a
 * hit lands near its words.
 */
const MIN_RECORD_WORDS = 40;
const MAX_RECORD_WORDS = 220;

/**
 * Search records for a talk: one for the talk itself (title, speakers,
 * event, summary), then one per passage or short run of passages of one
 * speaker. Each passage record links to its passage's stable id and carries
 * the speaker of that passage as a filter, so "what did Jan Leike say about
 * interpretability" returns his passages only, not every passage of his talks.
 *
 * Passage records carry no metadata: Pagefind makes every metadata value
 * searchable, so a talk title or speaker name stored on each passage would
 * make every passage of a talk match a word of its title. The search page
 * names each passage's talk from the search catalogue instead, and its
 * speaker from the record's filters.
 */
export function talkRecords(talk: TalkFacets, parsed: ParsedTranscript, resolveName: (label: string) => string): SearchRecord[] {
  const shared = sharedFilters(talk);
  const records: SearchRecord[] = [
    {
      url: talk.url,
      content: [talk.title, `${talk.kind} by ${talk.speakers.join(', ')}`, talk.event, talk.summary].filter(Boolean).join('. '),
      language: 'en',
      meta: { title: talk.title },
      filters: { ...shared, speaker: [...talk.speakers] },
    },
  ];
  for (const heading of parsed.blocks) {
    if (heading.kind === 'heading') records.push({ url: `${talk.url}#${heading.id}`, content: heading.text, language: 'en', meta: {}, filters: { ...shared, speaker: [...talk.authors] } });
  }
  for (const run of speakerRuns(parsed)) {
    const speakers = run.label === undefined ? [...talk.authors] : [resolveName(run.label)];
    for (const group of groupPassages(run.passages)) {
      records.push({
        url: `${talk.url}#${(group[0] as Passage).id}`,
        content: group.map((passage) => passage.text).join(' '),
        language: 'en',
        meta: {},
        filters: { ...shared, speaker: speakers },
      });
    }
  }
  return records;
}

function sharedFilters(talk: TalkFacets): Record<string, string[]> {
  return {
    kind: [talk.kind],
    topic: [...talk.topics],
    ...(talk.event && { event: [talk.event] }),
    ...(talk.year && { year: [talk.year] }),
  };
}

/** Consecutive passages of one voice (a turn, or prose outside any turn). */
function speakerRuns(parsed: ParsedTranscript): { label: string | undefined; passages: Passage[] }[] {
  const runs: { label: string | undefined; passages: Passage[] }[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') continue;
    const label = block.kind === 'turn' ? block.label : undefined;
    const passages = block.kind === 'turn' ? block.passages : [block.passage];
    const last = runs.at(-1);
    if (last && last.label === label && block.kind === 'prose') last.passages.push(...passages);
    else runs.push({ label, passages: [...passages] });
  }
  return runs;
}

function groupPassages(passages: readonly Passage[]): Passage[][] {
  const groups: Passage[][] = [];
  let current: Passage[] = [];
  let count = 0;
  for (const passage of passages) {
    const size = words(passage.text).length;
    if (current.length > 0 && (count >= MIN_RECORD_WORDS || count + size > MAX_RECORD_WORDS)) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(passage);
    count += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A record for a page that is not a talk: a speaker, topic or event, with its own filters. */
export function pageRecord(url: string, title: string, content: readonly (string | undefined)[], filters: Record<string, string[]>): SearchRecord {
  return { url, content: [title, ...content].filter(Boolean).join('. '), language: 'en', meta: { title }, filters };
}

/** What the results list shows of a talk, keyed by the talk's URL: title, kind, date, event. */
export type SearchCatalogue = Record<string, [title: string, kind: string, date: string, event: string]>;

export function catalogueEntry(talk: TalkFacets): SearchCatalogue[string] {
  return [talk.title, talk.kind, talk.dateLabel ?? '', talk.event ?? ''];
}
