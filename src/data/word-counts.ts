import type { DerivedStore } from '../lib/cache/derived-store.ts';
import { derivedStore } from '../lib/cache/current-store.ts';
import { ARCHIVE_KEY, WORD_COUNT_FACTS, type KeptArchiveCounts } from '../lib/search/kept-word-counts.ts';
import { addCounts, addPackedCounts, countEachWritten, countWritten, packCounts } from '../lib/search/vocabulary.ts';
import { transcriptPool, type TranscriptWork } from '../lib/transcript/current-pool.ts';
import type { Talk } from './archive.ts';
import { transcriptText } from './cached-transcript-facts.ts';

/**
 * How often each word of the talks' transcripts occurs, as written (src/lib/search/vocabulary.ts), for
 * the list of the archive's words. In a build, the threads count them; the counts of the whole
 * archive, and of each transcript, are kept between builds by the files' digests, and a rebuild brings
 * the last counts up to date: it takes away the counts of transcripts gone or changed, and adds those
 * of the new ones, instead of counting every transcript again. Sums of whole counts: the result is
 * the same as a count of every transcript.
 */
export async function transcriptWordCounts(
  talks: readonly Talk[],
  { store = derivedStore(), pool = transcriptPool() }: { store?: DerivedStore | undefined; pool?: TranscriptWork | undefined } = {},
): Promise<Map<string, number>> {
  if (!store || talks.some((talk) => talk.digest === '')) return pool ? pool.countWords(talks.map(transcriptText)) : countWritten(talks.map(bodyOf));
  const { talk: TALK, archive: ARCHIVE } = WORD_COUNT_FACTS;
  const last = store.get<KeptArchiveCounts>(ARCHIVE, ARCHIVE_KEY);
  const change = last && changeOf(last.talks, talks);
  let counts: Map<string, number>;
  let counted: readonly Talk[];
  if (last && change && change.gone.every((digest) => store.has(TALK, digest))) {
    counts = addPackedCounts(new Map(), last.counts);
    for (const digest of change.gone) addPackedCounts(counts, store.get<string>(TALK, digest) ?? '', -1);
    counted = change.added;
  } else {
    counts = new Map();
    counted = talks;
  }
  const { counts: added, each } = await countEach(counted, pool);
  addCounts(counts, added);
  counted.forEach((talk, index) => store.set(TALK, talk.digest, each[index] ?? ''));
  // The counts of transcripts not counted again stay for the next build.
  for (const talk of talks) store.keep(TALK, talk.digest);
  store.set(ARCHIVE, ARCHIVE_KEY, { talks: talks.map((talk) => talk.digest).sort(), counts: packCounts(counts) } satisfies KeptArchiveCounts);
  // Written now, not held to the build's end: each transcript's counts take about 20 MB at 1,000 talks.
  store.settle([TALK, ARCHIVE]);
  return counts;
}

/** The digests counted last time that are gone now, and the talks whose files were not counted then (each file as often as it is there). */
function changeOf(lastDigests: readonly string[], talks: readonly Talk[]): { gone: string[]; added: Talk[] } {
  const left = new Map<string, number>();
  for (const digest of lastDigests) left.set(digest, (left.get(digest) ?? 0) + 1);
  const added: Talk[] = [];
  for (const talk of talks) {
    const times = left.get(talk.digest) ?? 0;
    if (times === 0) added.push(talk);
    else left.set(talk.digest, times - 1);
  }
  return { gone: [...left].flatMap(([digest, times]) => Array.from({ length: times }, () => digest)), added };
}

async function countEach(talks: readonly Talk[], pool: TranscriptWork | undefined): Promise<{ counts: Map<string, number>; each: string[] }> {
  if (talks.length === 0) return { counts: new Map(), each: [] };
  return pool ? pool.countWordsEach(talks.map(transcriptText)) : countEachWritten(talks.map(bodyOf));
}

/** The transcript as counted: a talk without one counts no word. */
function bodyOf(talk: Talk): string {
  return talk.hasTranscript ? talk.body : '';
}
