import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstWordDifference, firstWordOutOfOrder, normalizedWordKey, normalizedWords, transcriptWordCount, words } from '../../src/lib/transcript/words.ts';

describe('words', () => {
  it('keeps contractions, decimals and hyphenated words whole and drops markup', () => {
    expect(words("**Jan:** don’t say 0.15 — it's ai-relevant [^1]")).toEqual(['Jan', 'don’t', 'say', '0.15', "it's", 'ai-relevant', '1']);
  });

  it('finds the same words in plain ASCII text as the Unicode rule', () => {
    const unicodeRule = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*/gu;
    const samples = [
      "**Jan:** [0:04] don’t say 0.15 -- it's ai-relevant, e.g. RLHF‐style [^1]; x-.y 'quoted' _a_b_ 3rd-party ...end.",
      "a'b' ’c .5 5. --x-- ‐y‐ <b>tag</b> path/to/file_name.md https://example.org/a-b?c=d#e\ttab\nline",
      Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('x'),
    ];
    for (const sample of samples) expect(words(sample)).toEqual(sample.match(unicodeRule) ?? []);
    expect(words('café naïve')).toEqual(['café', 'naïve']);
  });

  it('compares without regard to case or apostrophe style', () => {
    expect(normalizedWords('Don’t')).toEqual(normalizedWords("don't"));
  });

  it('keys passages exactly as joining their normalised words does, plain or not', () => {
    const talks = join(import.meta.dirname, '../../content/talks');
    const paragraphs = readdirSync(talks).flatMap((name) => readFileSync(join(talks, name), 'utf8').split(/\n\s*\n/));
    const samples = [...paragraphs, 'Don’t SAY “RLHF‐Style” 0.15', 'Ärger über İstanbul', ''];
    expect(paragraphs.length).toBeGreaterThan(1000);
    for (const sample of samples) expect(normalizedWordKey(sample)).toBe(normalizedWords(sample).join(' '));
  });

  it('finds the first word missing from an in-order reading', () => {
    expect(firstWordOutOfOrder(['a', 'b', 'c'], ['x', 'a', 'y', 'b', 'c'])).toBe(-1);
    expect(firstWordOutOfOrder(['a', 'c', 'b'], ['a', 'b', 'c'])).toBe(2);
  });

  it('finds where two word lists first differ, length included', () => {
    expect(firstWordDifference(['a', 'b'], ['a', 'b'])).toBe(-1);
    expect(firstWordDifference(['a', 'b'], ['a', 'c'])).toBe(1);
    expect(firstWordDifference(['a', 'b'], ['a'])).toBe(1);
  });

  it('does not count timestamps as words', () => {
    expect(transcriptWordCount('**Ada:** [1:02:03] Two words')).toBe(3);
    expect(transcriptWordCount('**Ada:** [~2:31] Two words')).toBe(3);
  });
});
