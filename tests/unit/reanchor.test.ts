import { describe, expect, it } from 'vitest';
import { joinPassages, reanchor, type PassageText } from '../../src/lib/quotes/reanchor.ts';
import { quoteUrl, selectorFromLocation, shortestContext, textDirective, type QuoteSelector } from '../../src/lib/quotes/quote-url.ts';

const original: PassageText[] = [
  { id: 'p-a', text: 'Welcome to the show. Today we talk about oversight.' },
  { id: 'p-b', text: 'The engine weaves algebraic patterns just as the loom weaves flowers and leaves.' },
  { id: 'p-c', text: 'It has no pretensions whatever to originate anything.' },
  { id: 'p-d', text: 'Yeah. It can do whatever we know how to order it to perform.' },
];

const quote: QuoteSelector = { passageId: 'p-b', exact: 'weaves algebraic patterns just as the loom', prefix: 'The engine', suffix: 'weaves flowers' };

/** The text the match covers, read back from the passages. */
function matched(passages: PassageText[], selector: QuoteSelector) {
  const result = reanchor(passages, selector);
  return { ...result, text: joinPassages(passages).text.slice(result.start, result.end) };
}

describe('reanchor', () => {
  it('finds an unchanged quote in its own passage', () => {
    expect(matched(original, quote)).toMatchObject({ status: 'exact', passageId: 'p-b', text: quote.exact });
  });

  it('finds it when paragraphs are inserted before it and removed elsewhere', () => {
    const edited = [{ id: 'p-new', text: 'A new introduction was added here.' }, original[0]!, original[1]!, original[3]!];
    expect(matched(edited, quote)).toMatchObject({ status: 'exact', passageId: 'p-b', text: quote.exact });
  });

  it('finds it when its own passage was edited elsewhere and got a new id', () => {
    const edited = [
      original[0]!,
      { id: 'p-b2', text: 'Indeed, the engine weaves algebraic patterns just as the loom weaves flowers and leaves.' },
      original[2]!,
    ];
    expect(matched(edited, quote)).toMatchObject({ status: 'moved', passageId: 'p-b2', text: quote.exact });
  });

  it('finds it, approximately, after a typo inside it is fixed', () => {
    const typo = { ...quote, exact: 'weaves algebriac patterns just as the loom' };
    expect(matched(original, typo)).toMatchObject({ status: 'fuzzy', passageId: 'p-b', text: 'weaves algebraic patterns just as the loom' });
  });

  it('finds it across the boundary when its passage is split in two', () => {
    const split = [
      original[0]!,
      { id: 'p-b1', text: 'The engine weaves algebraic patterns' },
      { id: 'p-b3', text: 'just as the loom weaves flowers and leaves.' },
      original[2]!,
    ];
    expect(matched(split, quote)).toMatchObject({ status: 'moved', passageId: 'p-b1', text: quote.exact });
  });

  it('tells repeated phrases apart by their context', () => {
    const passages = [
      { id: 'p-1', text: 'I said yeah. Then' },
      { id: 'p-2', text: 'she said yeah. Later' },
    ];
    const result = matched(passages, { passageId: 'p-gone', exact: 'said yeah.', prefix: 'she', suffix: 'Later' });
    expect(result).toMatchObject({ status: 'moved', passageId: 'p-2' });
  });

  it('tells repeats apart by their own passage when the link carries no context', () => {
    const passages = [
      { id: 'p-1', text: 'I said yeah.' },
      { id: 'p-2', text: 'She said yeah.' },
    ];
    expect(matched(passages, { passageId: 'p-2', exact: 'said yeah.', prefix: '', suffix: '' })).toMatchObject({ status: 'exact', passageId: 'p-2' });
  });

  it('finds a long quote from its first and last words, after an edit between them', () => {
    const range = { passageId: 'p-b', exact: 'weaves algebraic patterns just', end: 'weaves flowers and leaves.', prefix: '', suffix: '' };
    expect(matched(original, range)).toMatchObject({
      status: 'exact',
      passageId: 'p-b',
      text: 'weaves algebraic patterns just as the loom weaves flowers and leaves.',
    });
    const edited = [original[0]!, { id: 'p-b2', text: 'The engine weaves algebraic patterns just as a loom, it is said, weaves flowers and leaves.' }];
    expect(matched(edited, range)).toMatchObject({
      status: 'moved',
      passageId: 'p-b2',
      text: 'weaves algebraic patterns just as a loom, it is said, weaves flowers and leaves.',
    });
    const typo = [original[0]!, { id: 'p-b3', text: 'The engine weaves algebriac patterns just as the loom weaves flowers and leaves.' }];
    expect(matched(typo, range)).toMatchObject({
      status: 'fuzzy',
      passageId: 'p-b3',
      text: 'weaves algebriac patterns just as the loom weaves flowers and leaves',
    });
  });

  it('reports a quote that is gone, with the closest passage', () => {
    const edited = [original[0]!, { id: 'p-x', text: 'The loom and its patterns were discussed.' }, original[2]!, original[3]!];
    const result = reanchor(edited, { ...quote, exact: 'weaves algebraic patterns just as the loom weaves flowers and leaves' });
    expect(result).toMatchObject({ status: 'missing', passageId: 'p-x' });
  });
});

describe('quote links', () => {
  it('carries the quote for the page and a text fragment for the browser', () => {
    const url = quoteUrl('https://archive.example/talks/engine/', quote);
    expect(url).toBe(
      'https://archive.example/talks/engine/?quote=weaves+algebraic+patterns+just+as+the+loom&before=The+engine&after=weaves+flowers#p-b:~:text=The%20engine-,weaves%20algebraic%20patterns%20just%20as%20the%20loom,-weaves%20flowers',
    );
    const parsed = new URL(url);
    expect(selectorFromLocation(parsed.search, `#${url.split('#')[1]}`)).toEqual(quote);
  });

  it('escapes the characters a text fragment reserves, and uses a range for long quotes', () => {
    expect(textDirective({ passageId: 'p', exact: 'well-known, long', prefix: '', suffix: '' })).toBe(':~:text=well%2Dknown%2C%20long');
    const long = { passageId: 'p', exact: 'one two three four five six seven eight nine ten eleven twelve thirteen', prefix: '', suffix: '' };
    expect(textDirective(long)).toBe(':~:text=one%20two%20three%20four,ten%20eleven%20twelve%20thirteen');
  });

  it('links a long quote by its first and last words, for the page as for the browser', () => {
    const long = { passageId: 'p-b', exact: 'weaves algebraic patterns just as the loom weaves flowers and leaves.', prefix: '', suffix: '' };
    const url = quoteUrl('https://archive.example/talks/engine/', long);
    expect(url).toBe(
      'https://archive.example/talks/engine/?quote=weaves+algebraic+patterns+just&to=weaves+flowers+and+leaves.#p-b:~:text=weaves%20algebraic%20patterns%20just,weaves%20flowers%20and%20leaves.',
    );
    expect(selectorFromLocation(new URL(url).search, '#p-b')).toEqual({
      passageId: 'p-b',
      exact: 'weaves algebraic patterns just',
      end: 'weaves flowers and leaves.',
      prefix: '',
      suffix: '',
    });
  });

  it('gives a quote only as many words of context as tell it apart from its repeats', () => {
    const text = 'I said yeah. Then she said yeah. Later he said yeah.';
    expect(shortestContext(text, text.indexOf('Then'), text.indexOf('Then') + 4)).toEqual({ prefix: '', suffix: '' });
    const second = text.indexOf('said yeah.', 10);
    expect(shortestContext(text, second, second + 'said yeah.'.length)).toEqual({ prefix: 'she', suffix: '' });
  });
});
