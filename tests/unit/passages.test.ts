import { describe, expect, it } from 'vitest';
import {
  excerpt,
  featuredPassages,
  firstMention,
  passagesMentioning,
  passagesOf,
  speakerActivity,
  squash,
  type LabelOwner,
  type MentionFinder,
  type TalkMention,
  type TranscriptSource,
} from '../../src/lib/transcript/passages.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';

const people: Record<string, LabelOwner> = {
  ada: { slug: 'ada-lovelace', name: 'Ada Lovelace', href: '/speakers/ada-lovelace/' },
  alan: { slug: 'alan-turing', name: 'Alan Turing', href: '/speakers/alan-turing/' },
  audience: { slug: 'audience', name: 'Audience member' },
};

function source(talkId: string, body: string, overrides: Partial<TranscriptSource> = {}): TranscriptSource {
  return {
    talkId,
    parsed: parseTranscript(body),
    resolve: (label) => people[label.toLowerCase().split(' ')[0] ?? ''],
    proseSpeakers: [],
    proseVoice: '',
    proseSpoken: true,
    ...overrides,
  };
}

const words = (count: number, word = 'engine') => Array.from({ length: count }, () => word).join(' ');

describe('passagesOf', () => {
  it('gives every passage its speaker: an archive speaker by slug, anyone else only by name', () => {
    const passages = passagesOf(source('t', '**Ada:** The engine [laughs] weaves.\n\nIt does.\n\n**Audience member:** Why?'));
    expect(passages.map((passage) => [passage.speakers, passage.voice, passage.words, passage.opensTurn])).toEqual([
      [['ada-lovelace'], 'Ada Lovelace', 3, true],
      [['ada-lovelace'], 'Ada Lovelace', 2, false],
      [[], 'Audience member', 1, true],
    ]);
  });

  it("attributes an essay's prose to its authors, as written text", () => {
    const [passage] = passagesOf(source('essay', 'Hope is reasonable.', { proseSpeakers: ['ada-lovelace'], proseVoice: 'Ada Lovelace', proseSpoken: false }));
    expect(passage).toMatchObject({ spoken: false, speakers: ['ada-lovelace'], voice: 'Ada Lovelace', words: 3 });
  });
});

describe('speakerActivity', () => {
  it('counts turns and spoken words per speaker across talks; a turn carried over a heading is one turn', () => {
    const all = [
      ...passagesOf(source('one', '**Ada:** One two.\n\n## Chapter\n\nthree four.\n\n**Alan:** Five.\n\n**Ada:** Six.')),
      ...passagesOf(source('two', '**Ada:** Seven eight nine.')),
    ];
    const activity = speakerActivity(all);
    expect(activity.get('ada-lovelace')).toMatchObject({ turns: 3, words: 8, talkIds: ['one', 'two'], writtenWords: 0 });
    expect(activity.get('alan-turing')).toMatchObject({ turns: 1, words: 1, talkIds: ['one'] });
    expect(activity.has('audience')).toBe(false);
  });

  it('counts written texts apart from speech', () => {
    const all = passagesOf(source('essay', 'Written words here.', { proseSpeakers: ['ada-lovelace'], proseSpoken: false }));
    expect(speakerActivity(all).get('ada-lovelace')).toMatchObject({ turns: 0, words: 0, writtenWords: 3, writtenTalkIds: ['essay'] });
  });
});

describe('featuredPassages', () => {
  it('takes the longest passage of each talk worth reading alone, speech first, a few in all', () => {
    const all = [
      ...passagesOf(source('one', `**Ada:** ${words(30)}\n\n${words(60)}\n\nYes.`)),
      ...passagesOf(source('two', `**Ada:** Short.`)),
      ...passagesOf(source('three', `**Ada:** ${words(26)}`)),
    ];
    const featured = featuredPassages(speakerActivity(all).get('ada-lovelace')?.passages ?? []);
    expect(featured.map((passage) => [passage.talkId, passage.words])).toEqual([
      ['one', 60],
      ['three', 26],
    ]);
    expect(featuredPassages(all, 1)).toHaveLength(1);
  });
});

describe('excerpt', () => {
  it('cuts at a word count with an ellipsis, and keeps short text whole', () => {
    expect(excerpt('one two three', 2)).toBe('one two…');
    expect(excerpt('one two', 2)).toBe('one two');
  });
});

describe('passagesMentioning', () => {
  const all = [
    ...passagesOf(source('a', '**Ada:** We tried fine-tuning the engine on cards.')),
    ...passagesOf(source('b', '**Alan:** In context learning is odd.\n\n**Ada:** Evaluations matter; in-context learning too.')),
    ...passagesOf(source('c', '**Ada:** Nothing here mentions it.')),
    ...passagesOf(source('d', '**Alan:** Our evaluation was careful.')),
  ];

  it('matches across hyphens and spaces, and lets the last word run on', () => {
    expect(passagesMentioning('Finetuning', all).map((mention) => mention.talkId)).toEqual(['a']);
    expect(passagesMentioning('In-context learning', all).map((mention) => mention.talkId)).toEqual(['b']);
    expect(passagesMentioning('Evaluations', all).map((mention) => mention.talkId)).toEqual(['b', 'd']);
  });

  it('shows the mention apart, with the words around it', () => {
    const [mention] = passagesMentioning('Finetuning', all);
    expect(mention?.excerpt).toEqual({ before: 'We tried ', match: 'fine-tuning', after: ' the engine on cards.' });
  });

  it('takes one passage per talk, leaves out excluded talks, and stops at the limit', () => {
    expect(passagesMentioning('Evaluations', all, { excludeTalkIds: ['b'] }).map((mention) => mention.talkId)).toEqual(['d']);
    expect(passagesMentioning('Evaluations', all, { limit: 1 })).toHaveLength(1);
  });

  it('does not match inside a word', () => {
    expect(passagesMentioning('Valuation', all)).toEqual([]);
  });

  it('asks a finder once a talk, with its passages in order, and takes its answers as its own search would', () => {
    const asked: string[] = [];
    const kept = new Map<string, TalkMention | null>();
    const keeping: MentionFinder = (talkId, target, passages) => {
      asked.push(talkId);
      expect(passages.every((passage) => passage.talkId === talkId)).toBe(true);
      const key = `${talkId} ${target}`;
      if (!kept.has(key)) kept.set(key, firstMention(target, passages));
      return kept.get(key) ?? null;
    };
    for (const phrase of ['Evaluations', 'In-context learning', 'Finetuning', 'Valuation']) {
      asked.length = 0;
      expect(passagesMentioning(phrase, all, { findMention: keeping })).toEqual(passagesMentioning(phrase, all));
      expect(asked).toEqual(['a', 'b', 'c', 'd']);
    }
    // An answer kept from before is taken as it is: here, a talk said to mention nothing.
    kept.set('b evaluation', null);
    expect(passagesMentioning('Evaluations', all, { findMention: keeping }).map((mention) => mention.talkId)).toEqual(['d']);
  });

  it('finds a talk that comes back later in the passages once, where it first mentions the phrase', () => {
    const [first, second] = passagesOf(source('b', '**Alan:** In context learning is odd.\n\n**Ada:** Evaluations matter; in-context learning too.'));
    const interleaved = [first!, ...passagesOf(source('d', '**Alan:** Our evaluation was careful.')), second!];
    expect(passagesMentioning('Evaluations', interleaved).map((mention) => mention.talkId)).toEqual(['d', 'b']);
    expect(passagesMentioning('In-context learning', interleaved).map((mention) => [mention.talkId, mention.id])).toEqual([['b', first!.id]]);
  });
});

describe('squash', () => {
  const unicodeWay = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '');

  it('gives ASCII text, with or without curly apostrophes, what the Unicode way gives', () => {
    for (const text of ["In-context Learning, isn't it?", 'GPT-4’s 2nd RUN\t\x00\x7f ~!@#', '', '   ', 'It’s ’’ fine', 'ABC_def 123'])
      expect(squash(text), JSON.stringify(text)).toBe(unicodeWay(text));
  });

  it('decomposes and folds other text: accents go, ligatures and signs that hold letters are spelled out', () => {
    expect(squash('Café Über ﬁne ½ Ｆｕｌｌ')).toBe('cafeuberfine12full');
    for (const text of ['naïve “quotes” — dash', 'Brand™ and ™']) expect(squash(text), text).toBe(unicodeWay(text));
  });
});
