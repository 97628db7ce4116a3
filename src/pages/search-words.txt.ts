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
  // In a build, the transcript threads count the transcripts' words, reading them from their files (every
  // talk's file: one without a transcript adds no word), and begin as the build starts.
  const pool = transcriptPool();
  const counts = pool
    ? await pool.countWords(archive.talks.map(transcriptText))
    : countWritten(archive.talks.filter((talk) => talk.hasTranscript).map((talk) => talk.body));
  const texts = [...archive.talks.map((talk) => talk.data.summary ?? ''), ...archive.topics.map((topic) => topic.body ?? '')];
  const names = [
    ...archive.talks.map((talk) => talk.data.title),
    ...archive.speakers.map((speaker) => speaker.data.name),
    ...archive.topics.map((topic) => topic.data.title),
    ...archive.events.map((event) => event.data.name),
  ];
  return new Response(vocabularyOf(addCounts(counts, countWritten(texts)), names), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
