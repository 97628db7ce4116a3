import type { TalkData } from '../../schemas/talk.ts';

/**
 * The whole archive as plain data with absolute URLs: what /catalogue.json
 * serves, and what the feed and the pages' JSON-LD are made from. Fields a
 * source does not give are left out, never null or guessed. Entries point at
 * each other by id (`talks: ["jan-leike-scaling-rlhf"]`); each carries its own URL.
 */
export interface Catalogue {
  name: string;
  description: string;
  url: string;
  feed: string;
  talks: CatalogueTalk[];
  speakers: CatalogueSpeaker[];
  topics: CatalogueTopic[];
  events: CatalogueEvent[];
}

export interface CatalogueLink {
  label: string;
  url: string;
}

export interface CatalogueTalk {
  id: string;
  url: string;
  title: string;
  /** talk, lightning-talk, interview, panel, essay or post. */
  kind: TalkData['kind'];
  /** As precise as the source: "2023", "2023-02" or "2023-02-10". */
  date?: string;
  summary?: string;
  speakers: { id: string; name: string; url: string; role: string }[];
  /** Labels of people in the transcript without a speaker entry. */
  voices?: string[];
  event?: { id: string; name: string; url: string; session?: { id: string; title: string }; order?: number };
  topics: { id: string; number: string; title: string; url: string }[];
  sources: CatalogueLink[];
  /** The recording the talk page plays, where a source gives one; times in seconds from its start. */
  recording?: CatalogueRecording;
  /** How long the talk is in its recording, in seconds, where a source gives it. */
  duration?: number;
  /** Present when the archive holds the talk's transcript or text. */
  transcript?: { words: number; readingMinutes: number; provenance?: string; origin?: string; language?: string };
  /** The transcript as files, with the transcript (routes in src/lib/export/download-formats.ts). */
  downloads?: {
    /** Plain text: `Speaker: text` paragraphs. */
    text: string;
    /** The talk's content file as written: front matter and Markdown body. */
    markdown: string;
    /** WebVTT captions, a cue per timed paragraph; only when the transcript has times. */
    webvtt?: string;
    /** SubRip captions of the same cues; only when the transcript has times. */
    srt?: string;
  };
  /** The entry's file in the repository, where corrections go; only when a repository is configured. */
  sourceFile?: string;
}

export interface CatalogueRecording {
  /** youtube, audio or video. */
  kind: string;
  /** The source's address. */
  url: string;
  /** YouTube's privacy-enhanced embed, for a YouTube recording. */
  embedUrl?: string;
  /** Where the talk starts in the recording (0 unless it is one part of a longer one), and ends. */
  start: number;
  end?: number;
  /** Length of the whole recording. */
  recordingDuration?: number;
}

export interface CatalogueSpeaker {
  id: string;
  url: string;
  name: string;
  affiliation?: string;
  /** The speaker entry's bio, as Markdown. */
  bio?: string;
  links: CatalogueLink[];
  talks: { id: string; role: string }[];
  /** What they say in the archive's transcripts; absent when they have no turn. */
  speaks?: { turns: number; words: number; talks: number };
}

export interface CatalogueTopic {
  id: string;
  url: string;
  number: string;
  title: string;
  category: string;
  /** The agenda's text for the section, as Markdown. */
  text?: string;
  /** The talk or post the section comes from. */
  source?: string;
  /** Talks tagged with the topic. */
  talks: string[];
}

export interface CatalogueEvent {
  id: string;
  url: string;
  name: string;
  start?: string;
  end?: string;
  place?: string;
  description?: string;
  links: CatalogueLink[];
  sessions: { id: string; title: string; talks: string[] }[];
  /** Every talk given at the event, in programme order. */
  talks: string[];
}

/**
 * `{ [key]: value }`, or nothing when the value is missing or empty: spread it
 * into an entry so a field no source gives is left out (`...field('date', talk.date)`).
 */
export function field<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as Partial<Record<K, V>>;
}
