import { loadArchive } from '../data/archive.ts';
import { transcriptWordCounts } from '../data/word-counts.ts';
import { addCounts, countWritten, vocabularyOf } from '../lib/search/vocabulary.ts';

/**
 * The archive's own words, most frequent first, for the search page's "Did you mean …?" (fetched only
 * when a query finds nothing). Written from the content at build time, as the search index is.
 */
export async function GET() {
  const archive = await loadArchive();
  // In a build, the transcript threads count the transcripts' words, and a rebuild only those changed.
  const counts = await transcriptWordCounts(archive.talks);
  const texts = [...archive.talks.map((talk) => talk.data.summary ?? ''), ...archive.topics.map((topic) => topic.body ?? '')];
  const names = [
    ...archive.talks.map((talk) => talk.data.title),
    ...archive.speakers.map((speaker) => speaker.data.name),
    ...archive.topics.map((topic) => topic.data.title),
    ...archive.events.map((event) => event.data.name),
  ];
  return new Response(vocabularyOf(addCounts(counts, countWritten(texts)), names), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
