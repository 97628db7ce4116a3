import { describe, expect, it } from 'vitest';
import type { Talk } from '../../src/data/archive.ts';
import { takeTranscript, transcriptBeside, transcriptOf } from '../../src/data/parsed-transcripts.ts';

const talk = (body: string) => ({ body }) as Talk;

describe('transcriptBeside', () => {
  it("shares the talk page's parse when the files are made before the page", () => {
    const entry = talk('**Ada:** [0:01] One.');
    const beside = transcriptBeside(entry);
    expect(transcriptBeside(entry)).toBe(beside);
    expect(takeTranscript(entry)).toBe(beside);
  });

  it('parses again, and keeps nothing, once the page has let its parse go', () => {
    const entry = talk('**Ada:** [0:01] One.');
    const page = takeTranscript(entry);
    const first = transcriptBeside(entry);
    expect(first).not.toBe(page);
    expect(transcriptBeside(entry)).not.toBe(first);
    expect(first.blocks).toHaveLength(page.blocks.length);
  });

  it('leaves transcriptOf caching as before', () => {
    const entry = talk('Text.');
    expect(transcriptOf(entry)).toBe(transcriptOf(entry));
  });
});
