/**
 * Front-matter facts the importer can state from the source file alone: how
 * the transcript was made, its language, and a link to the recording (at the
 * part's start for a talk cut from a longer recording).
 */
import type { SourceFacts } from './model.ts';
import { formatClock } from './text.ts';

export interface Link {
  label: string;
  url: string;
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

/** The recording the file names, as a source link; with `start`, a link to that moment. */
export function recordingLink(facts: SourceFacts, start?: number): Link | undefined {
  if (!facts.url || !/^https?:\/\//.test(facts.url)) return undefined;
  const youtube = /(?:youtube\.com|youtu\.be)\//.test(facts.url);
  const label = youtube ? 'Recording (YouTube)' : 'Recording';
  if (start === undefined) return { label, url: facts.url };
  const seconds = Math.floor(start);
  const url = youtube ? `${facts.url}${facts.url.includes('?') ? '&' : '?'}t=${seconds}s` : facts.url;
  return { label: `${label}, from ${formatClock(seconds)}`, url };
}

/** Adds links whose URL is not there yet. */
export function addLinks(existing: readonly Link[], added: readonly Link[]): Link[] {
  const links = [...existing];
  for (const link of added) if (!links.some((known) => known.url === link.url)) links.push(link);
  return links;
}
