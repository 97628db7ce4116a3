import type { APIContext } from 'astro';
import type { DownloadFormat, TalkDownload } from '../lib/talk-downloads.ts';
import { loadArchive, type Talk } from './archive.ts';
import { pageKeys } from './page-keys.ts';
import { downloadText, talkDownloads } from './talk-downloads.ts';

interface Props {
  talk: Talk;
  download: TalkDownload;
}

/**
 * The route of one download format, beside every talk page that has it. Each format has a route
 * file of its own with its extension in its name (`transcript.vtt.ts`): Astro then knows the route
 * is a file, served without the trailing slash pages take, in the development server too.
 */
export function downloadRoute(format: DownloadFormat) {
  return {
    async getStaticPaths() {
      const archive = await loadArchive();
      const keys = pageKeys(archive);
      return archive.talks.flatMap((talk) => talkDownloads(talk).flatMap((download) => (download.format === format ? [{ params: { slug: talk.id }, props: { talk, download }, cacheKey: keys.downloads(talk) }] : [])));
    },
    GET({ props }: APIContext<Props>) {
      const { talk, download } = props;
      return new Response(downloadText(talk, download.format), { headers: { 'content-type': download.contentType } });
    },
  };
}
