import type { APIContext } from 'astro';
import type { DownloadFormat, TalkDownload } from '../lib/export/download-formats.ts';
import { loadArchive, type Talk } from './archive.ts';
import { downloadText, talkDownloads } from './talk-downloads.ts';

interface Props {
  talk: Talk;
  download: TalkDownload;
}

/**
 * The route of one download format, beside every talk page that has it, for the development server.
 * A build writes these files beside Astro's pages instead, in a process of its own (see
 * src/lib/export/write-downloads.ts), so the route has no paths there. Each format has a route file of
 * its own with its extension in its name (`transcript.vtt.ts`): Astro then knows the route is a file,
 * served without the trailing slash pages take.
 */
export function downloadRoute(format: DownloadFormat) {
  return {
    async getStaticPaths(this: void) {
      if (!import.meta.env.DEV) return [];
      const { talks } = await loadArchive();
      return talks.flatMap((talk) =>
        talkDownloads(talk).flatMap((download) => (download.format === format ? [{ params: { slug: talk.id }, props: { talk, download } }] : [])),
      );
    },
    GET(this: void, { props }: APIContext<Props>) {
      const { talk, download } = props;
      return new Response(downloadText(talk, download.format), { headers: { 'content-type': download.contentType } });
    },
  };
}
