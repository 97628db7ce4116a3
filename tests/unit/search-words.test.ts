import { describe, expect, it } from 'vitest';
import { passageScore, rarityOf } from '../../src/lib/search/passage-rank.ts';
import { foldWord, looseTerms, matchesTerm, queryTerms, unmatchedTerms, wordsAt } from '../../src/lib/search/query-terms.ts';
import { correctedQuery, editDistance, nearestWord } from '../../src/lib/search/suggest.ts';
import { MOST_WORDS, vocabulary } from '../../src/lib/search/vocabulary.ts';

/** A page whose every word the query located. */
const located = (text: string) => ({ content: text, locations: text.split(/\s+/).map((_, index) => index) });

describe('query words and the words Pagefind located', () => {
  it('folds query words as the text is compared: case, accents, quotes and hyphens', () => {
    expect(queryTerms('“Mesa-Optimizer” Café')).toEqual(['mesa', 'optimizer', 'cafe']);
    expect(foldWord('Back,')).toBe('back');
  });

  it('reads the located words from the page text by position', () => {
    expect(wordsAt('one two  three', [0, 2])).toEqual(['one', 'three']);
  });

  it.each([
    ['interpretability', 'interpretable', true],
    ['optimization', 'optimize', true],
    ['alignment', 'aligned', true],
    ['models', 'model', true],
    ['interp', 'interpretability', true],
    ['ai', 'AI-relevant', true],
    ['intrepretability', 'in', false],
    ['mesa', 'me', false],
    ['xyzzy', 'x-y', false],
    ['blorf', 'blood', false],
    ['bengio', 'Ben', false],
    ['backdor', 'back,', false],
  ])('%s is matched by "%s": %s', (term, word, expected) => {
    expect(matchesTerm(term, word)).toBe(expected);
  });

  it('calls a query word unmatched when Pagefind found it only through a much shorter prefix', () => {
    expect(unmatchedTerms(['intrepretability'], [located('in in In-context')])).toEqual(['intrepretability']);
    expect(unmatchedTerms(['zxqvbn', 'blorf'], [located('blood type B,')])).toEqual(['zxqvbn', 'blorf']);
    // A near form found beside a much shorter prefix is still the fallback.
    expect(unmatchedTerms(['backdor'], [located('back backdoor')])).toEqual(['backdor']);
    // Found whole, a word is matched even beside shorter forms.
    expect(unmatchedTerms(['learning'], [located('learn learning')])).toEqual([]);
    expect(unmatchedTerms(['alignment'], [located('aligned')])).toEqual([]);
  });

  it('tells a word found only in another form', () => {
    expect(looseTerms(['situationl', 'awareness'], [located('situational awareness')])).toEqual(['situationl']);
  });
});

describe('Did you mean', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('intrepretability', 'interpretability', 3)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });

  it('finds the nearest word, the more frequent (earlier) one on a tie, and none when nothing is near', () => {
    const words = ['that', 'interpretability', 'situation', 'situational', 'alignment'];
    expect(nearestWord('intrepretability', words)).toBe('interpretability');
    expect(nearestWord('situationl', words)).toBe('situation');
    expect(nearestWord('xyzzy', words)).toBeUndefined();
    expect(nearestWord('alignment', words)).toBe('alignment');
  });

  it('corrects only the doubtful words, keeping the query as typed otherwise', () => {
    const words = ['interpretability', 'mechanistic'];
    expect(correctedQuery('Mechanistic intrepretability', ['intrepretability'], words, foldWord)).toBe('Mechanistic interpretability');
    expect(correctedQuery('zxqvbn blorf', ['zxqvbn', 'blorf'], words, foldWord)).toBeUndefined();
  });

  it('keeps at most the most frequent words of the text, and every named word', () => {
    // Distinct words of letters only, each said twice, the first said most; a rare name beyond the cap stays.
    const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const said = Array.from({ length: MOST_WORDS + 10 }, (_, rank) => `word${letters(rank)} `.repeat(rank === 0 ? 5 : 2));
    const list = vocabulary(said, ['Zyzzogeton']).trim().split('\n');
    expect(list).toHaveLength(MOST_WORDS + 1);
    expect(list[0]).toBe('worda');
    expect(list).toContain('zyzzogeton');
  });

  it('builds the vocabulary from the archive: folded, frequent first, said twice or named', () => {
    expect(vocabulary(['Alignment is hard. ALIGNMENT, again; once only.', 'the café’s alignment'], ['Yoshua Bengio'])).toBe('alignment\nbengio\nyoshua\n');
  });
});

describe('passage ranking', () => {
  it('prefers a passage with the rare words to one that repeats a common word', () => {
    const rarity = new Map([
      ['capture', rarityOf(2)],
      ['the', rarityOf(77)],
      ['flag', rarityOf(3)],
    ]);
    const terms = ['capture', 'the', 'flag'];
    const common = passageScore(['the', 'the', 'the', 'the', 'the'], terms, rarity);
    const rare = passageScore(['capture', 'the', 'flag'], terms, rarity);
    expect(rare).toBeGreaterThan(common * 5);
  });
});
