import type { APIContext } from 'astro';
import { loadArchive, type Talk } from '../../../data/archive.ts';
import { downloadText, talkDownloads } from '../../../data/talk-downloads.ts';
import type { TalkDownload } from '../../../lib/talk-downloads.ts';

/** A talk's transcript as a file: transcript.txt, .md, and .vtt and .srt where it has times. */
export async function getStaticPaths() {
  const { talks } = await loadArchive();
  return talks.flatMap((talk) => talkDownloads(talk).map((download) => ({ params: { slug: talk.id, file: download.file }, props: { talk, download } })));
}

interface Props {
  talk: Talk;
  download: TalkDownload;
}

export function GET({ props }: APIContext<Props>) {
  const { talk, download } = props;
  return new Response(downloadText(talk, download.format), { headers: { 'content-type': download.contentType } });
}
