import { loadArchive } from '../data/archive.ts';
import { transcriptText } from '../data/cached-transcript-facts.ts';
import { addCounts, countWritten, vocabularyOf } from '../lib/search/vocabulary.ts';
import { transcriptPool } from '../lib/transcript/current-pool.ts';

/**
 * The archive's own words, most frequent first, for the search page's "Did you mean …?" (fetched only
 * when a query finds nothing). Written from the content at build time, as the search index is.
 */
export async function GET() {
  const archive = await loadArchive();
  const transcripts = archive.talks.filter((talk) => talk.hasTranscript);
  // In a build, the transcript threads count the transcripts' words, reading them from their files.
  const pool = transcriptPool();
  const counts = pool ? await pool.countWords(transcripts.map(transcriptText)) : countWritten(transcripts.map((talk) => talk.body));
  const texts = [...archive.talks.map((talk) => talk.data.summary ?? ''), ...archive.topics.map((topic) => topic.body ?? '')];
  const names = [
    ...archive.talks.map((talk) => talk.data.title),
    ...archive.speakers.map((speaker) => speaker.data.name),
    ...archive.topics.map((topic) => topic.data.title),
    ...archive.events.map((event) => event.data.name),
  ];
  return new Response(vocabularyOf(addCounts(counts, countWritten(texts)), names), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
