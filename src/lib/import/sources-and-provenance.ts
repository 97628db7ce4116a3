/**
 * Front-matter facts the importer can state from the source file alone: how
 * the transcript was made, its language, and a link to the recording with its
 * length (and, for a talk cut from a longer recording, where its part starts and ends).
 */
import { recogniseRecording } from '../recording/recognise.ts';
import type { SourceFacts } from './model.ts';
import { formatClock } from './text.ts';

export interface Link {
  label: string;
  url: string;
  /** A recording's length, and a part's start and end in it, as clock times. */
  duration?: string;
  start?: string;
  end?: string;
}

/** Where a talk lies in a recording it shares with others, in seconds. */
export interface PartSpan {
  start: number;
  /** Where the next part begins; the last part runs to the recording's end. */
  end?: number;
}

export interface TranscriptFields {
  provenance?: string;
  origin?: string;
  language?: string;
}

/** What the file says about its transcript; explicit options win over it. */
export function transcriptFromFacts(facts: SourceFacts): TranscriptFields {
  const fields: TranscriptFields = {};
  if (facts.captions) {
    fields.provenance = facts.captions === 'manual' ? 'captions' : 'auto-captions';
    fields.origin = `${facts.captions === 'manual' ? 'Human-made' : 'Automatic'} captions of the recording${facts.channel ? ` (${facts.channel})` : ''}`;
  }
  if (facts.language) fields.language = facts.language;
  return fields;
}

/** The recording the file names, as a source link with its length; for a part, a link to its start, and its span. */
export function recordingLink(facts: SourceFacts, part?: PartSpan): Link | undefined {
  if (!facts.url || !/^https?:\/\//.test(facts.url)) return undefined;
  const youtube = /(?:youtube\.com|youtu\.be)\//.test(facts.url);
  const label = youtube ? 'Recording (YouTube)' : 'Recording';
  // Times belong to a recording the talk page can play; another address is only linked.
  const playable = recogniseRecording(facts.url) !== undefined;
  const duration = playable && facts.duration !== undefined ? { duration: formatClock(facts.duration) } : {};
  if (part === undefined) return { label, url: facts.url, ...duration };
  const seconds = Math.floor(part.start);
  const url = youtube ? `${facts.url}${facts.url.includes('?') ? '&' : '?'}t=${seconds}s` : facts.url;
  const span = playable ? { start: formatClock(seconds), ...(part.end !== undefined && { end: formatClock(part.end) }) } : {};
  return { label: `${label}, from ${formatClock(seconds)}`, url, ...duration, ...span };
}

/**
 * Adds links whose URL is not there yet. A link that is there already keeps its label (a curator's
 * wording) and takes the recording's facts the source gives now.
 */
export function addLinks(existing: readonly Link[], added: readonly Link[]): Link[] {
  const links = [...existing];
  for (const link of added) {
    const at = links.findIndex((known) => known.url === link.url);
    if (at === -1) links.push(link);
    else links[at] = { ...link, ...links[at], ...recordingFacts(link) };
  }
  return links;
}

function recordingFacts({ duration, start, end }: Link): Partial<Link> {
  return { ...(duration !== undefined && { duration }), ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
}
