/**
 * Which addresses are recordings the talk page can play, and how: a YouTube video through
 * YouTube's privacy-enhanced embed, or an audio or video file through the browser's own element.
 * A podcast file served without an extension says what it is with `recording:` in the talk's source.
 */

export const RECORDING_KINDS = ['youtube', 'audio', 'video'] as const;
export type RecordingKind = (typeof RECORDING_KINDS)[number];

/** Files every current browser plays in <audio> or <video>. */
const AUDIO_EXTENSIONS = new Set(['mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus', 'wav', 'flac']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'm4v', 'webm', 'ogv']);

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export interface Recognised {
  kind: RecordingKind;
  /** YouTube's id of the video. */
  videoId?: string;
}

/** The YouTube video an address names (watch, youtu.be, embed, live and shorts addresses), if any. */
export function youtubeVideoId(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  let id: string | undefined;
  if (host === 'youtu.be') id = url.pathname.split('/')[1];
  else if (YOUTUBE_HOSTS.has(host)) {
    const [, first, second] = url.pathname.split('/');
    id = first === 'watch' ? (url.searchParams.get('v') ?? undefined) : ['embed', 'live', 'shorts', 'v'].includes(first ?? '') ? second : undefined;
  }
  return id !== undefined && VIDEO_ID.test(id) ? id : undefined;
}

function extensionOf(url: URL): string {
  const name = url.pathname.split('/').at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * What the address is, from the address itself, unless the source says so (`explicit`).
 * Undefined when it is not something the page can play, or when the explicit kind cannot be
 * played from this address (`youtube` without a video id).
 */
export function recogniseRecording(address: string, explicit?: RecordingKind): Recognised | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const videoId = youtubeVideoId(url);
  if (explicit === 'youtube' || (explicit === undefined && videoId !== undefined)) return videoId === undefined ? undefined : { kind: 'youtube', videoId };
  if (explicit !== undefined) return videoId === undefined ? { kind: explicit } : undefined;
  const extension = extensionOf(url);
  if (AUDIO_EXTENSIONS.has(extension)) return { kind: 'audio' };
  if (VIDEO_EXTENSIONS.has(extension)) return { kind: 'video' };
  return undefined;
}

/** The file types recognised from an address, for messages. */
export const PLAYABLE_EXTENSIONS = [...AUDIO_EXTENSIONS, ...VIDEO_EXTENSIONS].map((extension) => `.${extension}`);
