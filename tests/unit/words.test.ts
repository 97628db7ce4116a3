import { describe, expect, it } from 'vitest';
import { firstWordDifference, firstWordOutOfOrder, normalizedWords, transcriptWordCount, words } from '../../src/lib/words.ts';

describe('words', () => {
  it('keeps contractions, decimals and hyphenated words whole and drops markup', () => {
    expect(words("**Jan:** don’t say 0.15 — it's ai-relevant [^1]")).toEqual(['Jan', 'don’t', 'say', '0.15', "it's", 'ai-relevant', '1']);
  });

  it('compares without regard to case or apostrophe style', () => {
    expect(normalizedWords('Don’t')).toEqual(normalizedWords("don't"));
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
  });
});
