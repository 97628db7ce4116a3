import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryBody } from '../../src/lib/content/front-matter.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { talkRecording } from '../../src/lib/recording/talk-recording.ts';
import { routes } from '../../src/lib/routes.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { transcriptFacts } from '../../src/lib/transcript/transcript-facts.ts';
import { countWritten, packCounts, vocabulary, vocabularyOf } from '../../src/lib/search/vocabulary.ts';
import { transcriptPageParts, type TranscriptPageInput } from '../../src/lib/transcript/transcript-page-parts.ts';
import { TranscriptPool } from '../../src/lib/transcript/transcript-pool.ts';

interface SeedTalk {
  id: string;
  file: string;
  body: string;
  input: Omit<TranscriptPageInput, 'wordCount'>;
}

/** The archive's talks, with what their pages give the transcript threads. */
function seedTalks(): SeedTalk[] {
  const report = validateArchive('content');
  const speakers = new Map(report.speakers.map(({ id, data }) => [id, data]));
  return report.talks.map(({ id, file, data }) => {
    const billed = (data['speakers'] as { speaker: string; role: string }[]).map(({ speaker, role }) => ({
      slug: speaker,
      name: String(speakers.get(speaker)?.['name']),
      aliases: (speakers.get(speaker)?.['aliases'] as string[] | undefined) ?? [],
      href: routes.speaker(speaker),
      role,
    }));
    const sources = (data['sources'] as Parameters<typeof talkRecording>[0] | undefined) ?? [];
    return {
      id,
      file: resolve(file),
      body: entryBody(readFileSync(file, 'utf8')),
      input: {
        speakers: billed,
        voices: (data['voices'] as string[] | undefined) ?? [],
        proseVoice: billed.map(({ name }) => name).join(' and '),
        recording: talkRecording(sources),
      },
    };
  });
}

const talks = seedTalks();
const pool = TranscriptPool.start(2);
afterAll(() => pool.close());

/** What the talk page works out in its own thread when there is no pool. */
function inProcess({ body, input }: SeedTalk) {
  const facts = transcriptFacts(body, () => parseTranscript(body));
  return { facts, parts: transcriptPageParts(parseTranscript(body), { ...input, wordCount: facts.summary.words }) };
}

describe('the transcript threads of a build', () => {
  it("give every seed talk's facts and page parts exactly as the page's own thread works them out, read from its file", async () => {
    expect(talks.length).toBeGreaterThan(20);
    const facts = await Promise.all(talks.map((talk) => pool.facts(talk.id, { file: talk.file }, talk.input)));
    for (const [index, talk] of talks.entries()) {
      const expected = inProcess(talk);
      expect(facts[index], talk.id).toEqual(expected.facts);
      expect(await pool.page(talk.id, { file: talk.file }, { ...talk.input, wordCount: expected.facts.summary.words }), talk.id).toEqual(expected.parts);
    }
  });

  it('work a page out when asked, for a talk whose facts were kept from the last build', async () => {
    const talk = talks.find(({ body }) => body.length > 1000)!;
    const expected = inProcess(talk);
    const parts = await pool.page(`${talk.id}-kept`, { body: talk.body }, { ...talk.input, wordCount: expected.facts.summary.words });
    expect(parts).toEqual(expected.parts);
    expect(parts.transcriptHtml).toContain('data-pagefind');
  });

  it("count the transcripts' words as the page's own thread counts them, each thread a share", async () => {
    const counts = await pool.countWords(talks.map(({ file }) => ({ file })));
    const expected = countWritten(talks.map(({ body }) => body));
    expect(counts.size).toBe(expected.size);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected));
    expect(vocabularyOf(counts)).toBe(vocabulary(talks.map(({ body }) => body)));
  });

  it("give each transcript's own counts as well, in the order asked, begun early or not", async () => {
    const own = TranscriptPool.start(2);
    const files = talks.map(({ file }) => file);
    const expected = talks.map(({ body }) => packCounts(countWritten([body])));
    own.countWordsEarly(files);
    const early = await own.countWordsEach([...files].reverse().map((file) => ({ file })));
    expect(early.each).toEqual([...expected].reverse());
    expect(Object.fromEntries(early.counts)).toEqual(Object.fromEntries(countWritten(talks.map(({ body }) => body))));
    const asked = await own.countWordsEach(talks.slice(0, 5).map(({ body }) => ({ body })));
    expect(asked.each).toEqual(expected.slice(0, 5));
    expect(own.wordCountsMade).toBe(2);
    await own.close();
  });

  it('hand the counts begun early to the first request for the same files, in any order, and count again after', async () => {
    const own = TranscriptPool.start(2);
    const files = talks.map(({ file }) => file);
    own.countWordsEarly(files);
    const early = own.countWords([...files].reverse().map((file) => ({ file })));
    expect(own.wordCountsMade).toBe(1);
    const again = own.countWords(files.map((file) => ({ file })));
    expect(own.wordCountsMade).toBe(2);
    const [first, second] = await Promise.all([early, again]);
    expect(Object.fromEntries(first)).toEqual(Object.fromEntries(countWritten(talks.map(({ body }) => body))));
    expect(Object.fromEntries(second)).toEqual(Object.fromEntries(first));
    expect(second).not.toBe(first);
    await own.close();
  });

  it('fail the request, naming the talk, when its transcript cannot be read', async () => {
    await expect(pool.facts('gone-talk', { file: resolve('content/talks/no-such-talk.md') })).rejects.toThrow(/gone-talk.*ENOENT/s);
    // The thread carries on with the next request.
    const talk = talks[0]!;
    await expect(pool.facts(talk.id, { body: talk.body })).resolves.toEqual(inProcess(talk).facts);
  });

  it('answer what they were asked before they close, and nothing after', async () => {
    const own = TranscriptPool.start(1);
    const talk = talks[1]!;
    const answer = own.facts(talk.id, { body: talk.body });
    await own.close();
    await expect(answer).resolves.toEqual(inProcess(talk).facts);
    await expect(own.facts(talk.id, { body: talk.body })).rejects.toThrow(/closed/);
  });
});
