import { routes } from '../routes.ts';

/** The files a talk's transcript is offered as. */
export type DownloadFormat = 'text' | 'markdown' | 'webvtt' | 'srt';

export interface TalkDownload {
  format: DownloadFormat;
  /** What a link calls it: "Plain text", "Markdown", "WebVTT", "SubRip". */
  label: string;
  /** Its name beside the talk's page: `transcript.vtt`. */
  file: string;
  /** Its site path: `/talks/<slug>/transcript.vtt`. */
  path: string;
  /** A name to save it under (a link's `download` attribute): `<slug>.vtt`. */
  fileName: string;
  /** What it is served as. */
  contentType: string;
}

const FORMATS: readonly { format: DownloadFormat; label: string; extension: string; contentType: string; timed: boolean }[] = [
  { format: 'text', label: 'Plain text', extension: 'txt', contentType: 'text/plain; charset=utf-8', timed: false },
  { format: 'markdown', label: 'Markdown', extension: 'md', contentType: 'text/markdown; charset=utf-8', timed: false },
  { format: 'webvtt', label: 'WebVTT', extension: 'vtt', contentType: 'text/vtt; charset=utf-8', timed: true },
  { format: 'srt', label: 'SubRip', extension: 'srt', contentType: 'application/x-subrip; charset=utf-8', timed: true },
];

/**
 * A talk's downloads: none without a transcript; text and Markdown with one;
 * WebVTT and SubRip too when the transcript has times. The pages, the file
 * routes and the catalogue all take the list from here, so they agree.
 */
export function downloadsFor(slug: string, transcript: { present: boolean; timed: boolean }): TalkDownload[] {
  if (!transcript.present) return [];
  return FORMATS.filter((format) => transcript.timed || !format.timed).map(({ format, label, extension, contentType }) => ({
    format,
    label,
    file: `transcript.${extension}`,
    path: routes.talkFile(slug, `transcript.${extension}`),
    fileName: `${slug}.${extension}`,
    contentType,
  }));
}

/**
 * `_headers` rules that give each download its type and character set on hosts
 * that read the file (Netlify, Cloudflare Pages): a static build writes only the
 * file, and without `charset=utf-8` a browser may show a plain-text transcript's
 * curly quotes as Latin-1.
 */
export function downloadHeaders(): string {
  return FORMATS.map(({ extension, contentType }) => `${routes.talkFile(':slug', `transcript.${extension}`)}\n  Content-Type: ${contentType}\n`).join('');
}
