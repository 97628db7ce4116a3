import { describe, expect, it } from 'vitest';
import { momentParameter, withMoment } from '../../src/client/recording/moments.ts';

describe('a link’s moment', () => {
  it.each([
    ['?t=147', 147],
    ['?t=147s', 147],
    ['?t=2:27', 147],
    ['?t=1:00:31', 3631],
    ['?highlight=reward&t=0', 0],
  ])('reads %s as %d seconds', (search, seconds) => {
    expect(momentParameter(search)).toBe(seconds);
  });

  it.each(['', '?t=', '?t=abc', '?t=-5', '?t=1.5', '?t=2:7', '?t=100:00:00', `?t=${'9'.repeat(40)}`, '?t=90000'])('finds no moment in %j', (search) => {
    expect(momentParameter(search)).toBeUndefined();
  });

  it('puts the moment first among a link’s parameters, in whole seconds, replacing one it had', () => {
    expect(withMoment('https://example.org/talks/a/?highlight=x&t=5#p-1', 147.9)).toBe('https://example.org/talks/a/?t=147&highlight=x#p-1');
    expect(withMoment('https://example.org/talks/a/', undefined)).toBe('https://example.org/talks/a/');
  });
});
