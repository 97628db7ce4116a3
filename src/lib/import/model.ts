/**
 * The importer's common model: what every format parser produces, before labels
 * are mapped to speakers and cues are merged into paragraphs.
 */

export const FORMATS = [
  'seed',
  'name-colon',
  'markdown-labels',
  'caption-markdown',
  'vtt',
  'srt',
  'whisper-json',
  'podcasting-html',
  'podcasting-json',
] as const;
export type FormatName = (typeof FORMATS)[number];

/** Where something is in the source file: a 1-based line, and the cue number for subtitle formats. */
export interface SourcePlace {
  line: number;
  cue?: number;
}

/** A run of speech: one cue, one paragraph, or the part of a paragraph after an inline label. */
export interface Segment {
  /** The speaker label as the source writes it, when this segment opens with one. */
  label?: string;
  /** The label was found in running text (`Name: …`), not given by the format's markup (a voice tag, a bold label, a field). */
  labelFromText?: true;
  /** What is said, as plain text (or safe Markdown inline when the source's markup is Markdown). */
  text: string;
  /** Seconds from the start of the recording. */
  start?: number;
  /** A change of speaker without a name (`>>` in YouTube's captions): this segment opens a turn of its own. */
  newTurn?: true;
  /** The source itself marks `start` as an estimate (the archive's own `[~2:31]`, a WebVTT note). */
  estimated?: true;
  end?: number;
  at: SourcePlace;
  /** Where the segment's words fall in the time of its source unit (set by timeSegments). */
  clock?: SegmentClock;
}

/**
 * A segment's place in its source unit (a timed paragraph or cue, which may hold several segments):
 * the unit's start and end, and how many of the unit's words come before the segment, so that a
 * word inside the unit gets a time estimated from its position.
 */
export interface SegmentClock {
  from: number;
  to: number;
  wordsBefore: number;
  /** Words in the whole unit. */
  words: number;
  /** The unit's start is itself marked as an estimate in the source. */
  estimated?: true;
}

/** A chapter heading, placed before the segment with index `before`. */
export interface Chapter {
  title: string;
  /** The heading's level: in the source as a parser reads it (1 to 6), in the transcript from 2 on (see chapters.ts). */
  depth: number;
  before: number;
  start?: number;
  at: SourcePlace;
}

/** How segments become paragraphs: `paragraphs` keeps each segment as one; `cues` merges short cues into paragraphs. */
export type Layout = 'paragraphs' | 'cues';

/** What a file says about itself (caption Markdown front matter), used for provenance and source links. */
export interface SourceFacts {
  title?: string;
  url?: string;
  channel?: string;
  language?: string;
  /** Whether the captions are human-made (`manual`) or automatic. */
  captions?: 'manual' | 'auto';
  /** Length of the recording in seconds. */
  duration?: number;
}

export interface ParsedSource {
  format: FormatName;
  layout: Layout;
  markup: 'plain' | 'markdown';
  /** The format writes characters as HTML references (`&amp;`), which the reader decodes and the audit decodes apart. */
  references: boolean;
  segments: Segment[];
  chapters: Chapter[];
  /** Line on which the transcript starts. */
  firstLine: number;
  facts: SourceFacts;
  /** Things a curator should know: skipped preamble, repeated segments, glued labels. */
  notes: string[];
  /**
   * The transcript's text with only the format's scaffolding (timings, cue
   * numbers, tags, headings, timestamps) taken out, found without the parser,
   * its character references left as written: the audit decodes them itself
   * and checks that every word in it is a label or a segment's word.
   */
  coverage: string;
}

/**
 * A parser's result. What a parser leaves out is the common case: plain text without character
 * references, no chapters, the transcript starting on line 1, no facts and nothing to note.
 */
export function parsedSource(parts: Pick<ParsedSource, 'format' | 'layout' | 'segments' | 'coverage'> & Partial<ParsedSource>): ParsedSource {
  return { markup: 'plain', references: false, chapters: [], firstLine: 1, facts: {}, notes: [], ...parts };
}

/** What parsers may know in advance: labels that name someone, and names for seed-style paragraphs. */
export interface ParseOptions {
  isKnownLabel?: (label: string) => boolean;
  /** Speaker names (and aliases) that may open a seed-style paragraph. */
  names?: readonly string[];
}
