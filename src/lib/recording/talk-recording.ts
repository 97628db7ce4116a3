/**
 * A talk's recording as its page plays it: which source it is, where the player loads from,
 * and where the talk lies in it. Times come from the source entry only (`start`, `end`,
 * `duration`), or from a moment the address itself names (`&t=3631s`); nothing is estimated.
 */
import { parseClock } from '../transcript/timestamp.ts';
import { recogniseRecording, type RecordingKind } from './recognise.ts';

/** YouTube's privacy-enhanced embed: no cookies until the reader plays. */
export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';

/** A talk's source as its entry gives it (see src/schemas/talk-source.ts). */
export interface SourceLink {
  label: string;
  url: string;
  recording?: RecordingKind | undefined;
  duration?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

export interface Recording {
  kind: RecordingKind;
  /** The source's address, as the entry writes it. */
  url: string;
  label: string;
  /** YouTube's id of the video. */
  videoId?: string;
  /** The origin the player is loaded from: YouTube's embed, or the file's host. */
  origin: string;
  /** Where the talk starts in the recording, in seconds: 0 unless the talk is one part of it. */
  start: number;
  /** Where the talk ends in the recording, when the source says. */
  end?: number;
  /** Length of the whole recording, when the source says. */
  duration?: number;
}

/** The first of a talk's sources that the page can play, if any. */
export function talkRecording(sources: readonly SourceLink[]): Recording | undefined {
  for (const source of sources) {
    const recognised = recogniseRecording(source.url, source.recording);
    if (!recognised) continue;
    const clock = (value: string | undefined) => (value === undefined ? undefined : parseClock(value));
    const start = clock(source.start) ?? startInAddress(source.url) ?? 0;
    const end = clock(source.end);
    const duration = clock(source.duration);
    return {
      kind: recognised.kind,
      url: source.url,
      label: source.label,
      ...(recognised.videoId !== undefined && { videoId: recognised.videoId }),
      origin: recognised.kind === 'youtube' ? YOUTUBE_EMBED_ORIGIN : new URL(source.url).origin,
      start,
      ...(end !== undefined && { end }),
      ...(duration !== undefined && { duration }),
    };
  }
  return undefined;
}

/** How long the talk's part of the recording is: to its end, or to the recording's end; undefined when no source says. */
export function talkLength(recording: Recording): number | undefined {
  const end = recording.end ?? recording.duration;
  return end === undefined ? undefined : end - recording.start;
}

/** A link that opens the recording at a moment without any script: YouTube's watch page, or the file with a media fragment. */
export function momentUrl(recording: Recording, seconds: number): string {
  const at = Math.max(0, Math.floor(seconds));
  if (recording.kind === 'youtube') return `https://www.youtube.com/watch?v=${recording.videoId}&t=${at}s`;
  return `${recording.url.split('#')[0]}#t=${at}`;
}

/** The YouTube embed the page's player loads when the reader presses play (the page adds its origin and the moment). */
export function embedUrl(recording: Recording): string | undefined {
  if (recording.kind !== 'youtube') return undefined;
  return `${YOUTUBE_EMBED_ORIGIN}/embed/${recording.videoId}?enablejsapi=1&playsinline=1&rel=0`;
}

/** The embed of just the talk, for others to embed it (the catalogue and structured data): from its start to its end. */
export function talkEmbedUrl(recording: Recording): string | undefined {
  if (recording.kind !== 'youtube') return undefined;
  const span = [
    ...(recording.start > 0 ? [`start=${Math.floor(recording.start)}`] : []),
    ...(recording.end === undefined ? [] : [`end=${Math.ceil(recording.end)}`]),
  ];
  return `${YOUTUBE_EMBED_ORIGIN}/embed/${recording.videoId}${span.length > 0 ? `?${span.join('&')}` : ''}`;
}

/**
 * The moment an address names: YouTube's `t=` or `start=` (`3631`, `3631s`, `1h0m31s`), or a media
 * fragment `#t=147` (`#t=0:02:27`, with or without an end).
 */
export function startInAddress(address: string): number | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  const fragment = /(?:^|&)t=(?:npt:)?([\d:.]+)/.exec(url.hash.slice(1))?.[1];
  if (fragment !== undefined) return fragment.includes(':') ? parseClock(fragment) : Number(fragment);
  const value = url.searchParams.get('t') ?? url.searchParams.get('start');
  if (value === null) return undefined;
  const parts = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!parts || value === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = parts;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
