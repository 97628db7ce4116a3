import { describe, expect, it } from 'vitest';
import { talkLabelResolver } from '../../src/lib/transcript/speaker-labels.ts';

describe('talkLabelResolver', () => {
  const resolve = talkLabelResolver([{ slug: 'rob-wiblin', name: 'Rob Wiblin', aliases: ['Robert'], href: '/speakers/rob-wiblin/' }], ['Richard']);

  it("names a speaker's label, in any spelling the talk knows, with the speaker's name and link", () => {
    for (const label of ['rob wiblin', 'Rob Wiblin', 'rob-wiblin', 'Robert']) {
      expect(resolve(label)).toMatchObject({ slug: 'rob-wiblin', name: 'Rob Wiblin', href: '/speakers/rob-wiblin/' });
    }
  });

  it('names declared voices and anonymous voices as written, without a link', () => {
    expect(resolve('richard')).toEqual({ slug: 'voice', name: 'Richard', aliases: [] });
    expect(resolve('Audience member')).toEqual({ slug: 'audience', name: 'Audience member' });
    expect(resolve('Moderator')).toEqual({ slug: 'unattributed', name: 'Moderator' });
  });

  it('names nobody else', () => {
    expect(resolve('Jan Leike')).toBeUndefined();
  });
});
