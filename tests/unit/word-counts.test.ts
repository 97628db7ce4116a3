import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Talk } from '../../src/data/archive.ts';
import { transcriptWordCounts } from '../../src/data/word-counts.ts';
import { DerivedStore } from '../../src/lib/cache/derived-store.ts';
import { addPackedCounts, countWritten, packCounts } from '../../src/lib/search/vocabulary.ts';
import type { TranscriptText, TranscriptWork } from '../../src/lib/transcript/current-pool.ts';

const work = mkdtempSync(join(tmpdir(), 'word-counts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A talk as the counts see it: its transcript, and its file's digest (here, the transcript itself). */
const talk = (body: string): Talk => ({ digest: `digest of ${body}`, body, hasTranscript: body.trim() !== '', unreadBody: undefined }) as unknown as Talk;

/** Threads that count as the real ones do, and say which transcripts they were given. */
function countingPool(): TranscriptWork & { counted: string[] } {
  const counted: string[] = [];
  const bodyOf = (text: TranscriptText) => ('body' in text ? text.body : '');
  return {
    counted,
    countWords: (texts) => Promise.resolve(countWritten(texts.map(bodyOf))),
    countWordsEach: (texts) => {
      counted.push(...texts.map(bodyOf));
      return Promise.resolve({ counts: countWritten(texts.map(bodyOf)), each: texts.map((text) => packCounts(countWritten([bodyOf(text)]))) });
    },
    facts: () => Promise.reject(new Error('not used')),
    page: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  };
}

/** One build's counts, with its own store opened on the folder the last build wrote, written at its end. */
async function build(talks: readonly Talk[]): Promise<{ counts: Map<string, number>; counted: string[] }> {
  const store = DerivedStore.open(join(work, 'store'), 'v1');
  const pool = countingPool();
  const counts = await transcriptWordCounts(talks, { store, pool });
  store.prune();
  return { counts, counted: pool.counted };
}

const fresh = (talks: readonly Talk[]) => Object.fromEntries(countWritten(talks.map((each) => each.body)));

describe('the counts of the archive’s words, kept between builds', () => {
  const a = talk('Alignment needs oversight, and oversight needs evaluations.');
  const b = talk('Interpretability finds circuits; circuits explain behaviour.');
  const c = talk('Evaluations of oversight: scalable oversight.');

  it('are counted whole the first time, and brought up to date after: only new transcripts are counted', async () => {
    const first = await build([a, b, c]);
    expect(first.counted).toHaveLength(3);
    expect(Object.fromEntries(first.counts)).toEqual(fresh([a, b, c]));

    const b2 = talk('Interpretability finds circuits; circuits explain behaviour, and features too.');
    const second = await build([a, b2, c]);
    expect(second.counted).toEqual([b2.body]);
    expect(Object.fromEntries(second.counts)).toEqual(fresh([a, b2, c]));

    // A talk gone: its words go, and a word no other transcript has is not left behind at nought.
    const third = await build([a, c]);
    expect(third.counted).toEqual([]);
    expect(Object.fromEntries(third.counts)).toEqual(fresh([a, c]));
    expect(third.counts.has('features')).toBe(false);
  });

  it('count a file that is in the archive twice twice, and once when one goes', async () => {
    const twice = await build([a, c, talk(c.body)]);
    expect(twice.counted).toEqual([c.body]);
    expect(Object.fromEntries(twice.counts)).toEqual(fresh([a, c, c]));
    const once = await build([a, c]);
    expect(once.counted).toEqual([]);
    expect(Object.fromEntries(once.counts)).toEqual(fresh([a, c]));
  });

  it('are counted whole again when a transcript counted last time is no longer kept', async () => {
    const store = DerivedStore.open(join(work, 'lost'), 'v1');
    await transcriptWordCounts([a, b], { store, pool: countingPool() });
    store.prune();
    // The archive's counts are kept, but not b's own: they cannot be taken away, so all are counted.
    const next = DerivedStore.open(join(work, 'lost'), 'v1');
    next.get('archive-word-counts', 'archive');
    next.keep('transcript-word-counts', a.digest);
    next.prune();
    const pool = countingPool();
    const counts = await transcriptWordCounts([a], { store: DerivedStore.open(join(work, 'lost'), 'v1'), pool });
    expect(pool.counted).toEqual([a.body]);
    expect(Object.fromEntries(counts)).toEqual(fresh([a]));
  });
});

describe('packed counts', () => {
  it('read back as they were, added and taken away', () => {
    const counts = countWritten(['It’s the model’s 2nd run — naïve, naïve users', '']);
    expect(addPackedCounts(new Map(), packCounts(counts))).toEqual(counts);
    const twice = addPackedCounts(addPackedCounts(new Map(), packCounts(counts)), packCounts(counts));
    expect(twice.get('naïve')).toBe(4);
    expect(addPackedCounts(twice, packCounts(counts), -1)).toEqual(counts);
    expect(addPackedCounts(new Map(counts), packCounts(counts), -1).size).toBe(0);
  });
});
