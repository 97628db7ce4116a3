/** The importer's parts on their own: format detection, label mapping, paragraphs, front-matter edits. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/lib/import/detect-format.ts';
import { editFrontMatter } from '../../../src/lib/import/entry-file.ts';
import { layOut, type Attributed } from '../../../src/lib/import/lay-out.ts';
import { mapLabels } from '../../../src/lib/import/map-labels.ts';
import type { Segment } from '../../../src/lib/import/model.ts';
import { splitSentences } from '../../../src/lib/import/sentences.ts';
import { escapeText } from '../../../src/lib/import/safe-markdown.ts';
import { timeAt, timeSegments } from '../../../src/lib/import/timing.ts';
import { CORPUS, ROOT } from './helpers.ts';

describe('detectFormat', () => {
  const expected: Record<string, string> = {
    'axrp-ep24-superalignment-jan-leike.md': 'markdown-labels',
    'axrp-ep38_1-alan-chan-agent-infrastructure.md': 'markdown-labels',
    'insideview-2021-06-08-evan-hubinger.md': 'name-colon',
    'insideview-2021-10-24-phil-trammell.md': 'name-colon',
    'karpathy-state-of-gpt.whisper.json': 'whisper-json',
    'karpathy-state-of-gpt.whisper.vtt': 'vtt',
    'podcasting20-buzzsprout-10-things.html': 'podcasting-html',
    'podcasting20-buzzsprout-10-things.vtt': 'vtt',
    'virtualcoffee-s5e9.srt': 'srt',
  };
  it.each(Object.entries(expected))('tells %s is %s', (file, format) => {
    expect(detectFormat(file, readFileSync(join(CORPUS, file), 'utf8'))).toBe(format);
  });

  it('tells the workshop files are caption Markdown and the seed interview is seed style', () => {
    const workshop = join(ROOT, 'sources/alignment-workshop-2023');
    for (const file of readdirSync(workshop).filter((name) => name.startsWith('farai-'))) {
      expect(detectFormat(file, readFileSync(join(workshop, file), 'utf8')), file).toBe('caption-markdown');
    }
    expect(detectFormat('001.txt', readFileSync(join(ROOT, 'sources/seeds/001_b0d9a8fd034dd7b9.txt'), 'utf8'))).toBe('seed');
  });

  it('takes a single label for a talk by one speaker when nothing else fits', () => {
    const talk = ['**Ilya Sutskever:** [0:00] Hello. Welcome.', '## A chapter', '[1:01] So if you start with the field.'];
    expect(detectFormat('talk.md', `---\ntitle: Opening Remarks\n---\n${talk.join('\n\n')}\n`)).toBe('markdown-labels');
    expect(detectFormat('talk.txt', 'Ilya Sutskever: Hello. Welcome.\n\n## A chapter\n\nSo if you start with the field.\n\nAnd then.\n')).toBe('name-colon');
  });

  it('tells Podcasting 2.0 JSON from Whisper JSON, and gives up on anything else', () => {
    expect(detectFormat('t.json', '{"version":"1.0.0","segments":[{"speaker":"A","startTime":0,"endTime":1,"body":"Hi."}]}')).toBe('podcasting-json');
    expect(detectFormat('t.csv', 'a,b\n1,2\n')).toBeUndefined();
    expect(detectFormat('t.txt', 'Just one paragraph of prose.\n')).toBeUndefined();
  });
});

describe('mapLabels', () => {
  const speakers = [
    { slug: 'bekah-hawrot-weigel', name: 'Bekah Hawrot Weigel', aliases: [] },
    { slug: 'aleksander-madry', name: 'Aleksander Madry', aliases: ['Alexander Madre'] },
    { slug: 'scott-niekum', name: 'Scott Niekum', aliases: [] },
    { slug: 'scott-aaronson', name: 'Scott Aaronson', aliases: [] },
  ];
  const archive = [...speakers, { slug: 'jacob-steinhardt', name: 'Jacob Steinhardt', aliases: [] }];
  const map = (labels: string[], options: { strict?: boolean; explicit?: [string, string][]; voices?: string[] } = {}) =>
    [
      ...mapLabels(
        labels.map((label, index) => ({ label, at: { line: index + 1 } })),
        { speakers, archive, voices: options.voices ?? [], explicit: new Map(options.explicit ?? []), strict: options.strict ?? false },
      ).values(),
    ].map((mapping) => [mapping.label, mapping.output, mapping.how, mapping.count]);

  it('maps by name, slug, alias and an unshared first name, ignoring case and accents', () => {
    expect(map(['Bekah Hawrot Weigel', 'Bekah', 'aleksander-madry', 'Alexander Madre', 'ALEKSANDER MÁDRY'])).toEqual([
      ['Bekah Hawrot Weigel', 'Bekah Hawrot Weigel', 'name', 1],
      ['Bekah', 'Bekah Hawrot Weigel', 'short name', 1],
      ['aleksander-madry', 'Aleksander Madry', 'name', 2],
      ['Alexander Madre', 'Aleksander Madry', 'alias', 1],
    ]);
  });

  it('does not guess between two speakers who share a first name', () => {
    expect(map(['Scott'])).toEqual([['Scott', 'Scott', 'unmapped', 1]]);
    expect(map(['Scott'], { explicit: [['Scott', 'scott-niekum']] })).toEqual([['Scott', 'Scott Niekum', 'map', 1]]);
  });

  it('keeps anonymous and declared voices, and says when a label names a speaker of another talk', () => {
    const mapped = mapLabels(
      [
        { label: 'Presenter', at: { line: 1 } },
        { label: 'Richard', at: { line: 2 } },
        { label: 'Jacob Steinhardt', at: { line: 3 } },
      ],
      { speakers, archive, voices: ['Richard'], explicit: new Map(), strict: false },
    );
    expect([...mapped.values()].map((mapping) => [mapping.how, mapping.note ?? ''])).toEqual([
      ['anonymous', ''],
      ['voice', ''],
      ['unmapped', "is the archive's speaker jacob-steinhardt but not one of this talk's speakers; kept as written and added to the talk's voices"],
    ]);
  });

  it('throws in strict mode at the first unmapped label, with its place', () => {
    expect(() => map(['Bekah', 'Dan'], { strict: true })).toThrow(/the label "Dan" is none of this talk's speakers .* in strict mode every label must map/);
  });
});

describe('layOut', () => {
  const cue = (text: string, start: number, end = start + 1): Attributed => ({ speaker: 'A', segment: { text, start, end, at: { line: start, cue: start } } });

  it('merges cues into paragraphs that start sentences, never one per cue', () => {
    const cues = ['One two three. Four', 'five six. Seven', 'eight. Nine ten.', 'Eleven twelve.', 'Thirteen. Fourteen', 'fifteen.'].map((text, index) =>
      cue(text, index * 2),
    );
    const blocks = layOut(cues, [], 'cues');
    expect(blocks).toHaveLength(1);
    const paragraphs = blocks[0]?.kind === 'turn' ? blocks[0].paragraphs : [];
    expect(paragraphs.map((paragraph) => [paragraph.start, paragraph.text])).toEqual([
      [0, 'One two three. Four five six. Seven eight. Nine ten.'],
      [6, 'Eleven twelve. Thirteen. Fourteen fifteen.'],
    ]);
  });

  it('ends a paragraph at a long pause after a sentence, but not inside a sentence', () => {
    const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
    const cues = [cue(`${words(25)}.`, 0, 10), cue(`Then ${words(3)}`, 20, 21), cue('more.', 40, 41)];
    const blocks = layOut(cues, [], 'cues');
    const paragraphs = blocks[0]?.kind === 'turn' ? blocks[0].paragraphs : [];
    expect(paragraphs.map((paragraph) => paragraph.start)).toEqual([0, 20]);
  });

  it('still makes paragraphs of text without sentence punctuation', () => {
    const cues = Array.from({ length: 60 }, (_, index) => cue('so we talked about the thing', index));
    const blocks = layOut(cues, [], 'cues');
    expect(blocks[0]?.kind === 'turn' && blocks[0].paragraphs.length).toBe(2);
  });

  it('starts a turn at each change of speaker and carries a turn on after a heading', () => {
    const attributed: Attributed[] = [
      { speaker: 'A', segment: { label: 'A', text: 'Hello.', at: { line: 1 } } },
      { speaker: 'A', segment: { text: 'More.', at: { line: 2 } } },
      { speaker: 'B', segment: { label: 'B', text: 'Hi.', at: { line: 3 } } },
    ];
    expect(
      layOut(attributed, [{ title: 'Part two', depth: 2, before: 1, at: { line: 2 } }], 'paragraphs').map((block) =>
        block.kind === 'turn' ? `${block.label}${block.continued ? ' (continued)' : ''}` : `## ${block.title}`,
      ),
    ).toEqual(['A', '## Part two', 'A (continued)', 'B']);
  });
});

describe('times of turns inside a caption paragraph', () => {
  // One caption paragraph of 10 words, [2:00] to the next paragraph's [2:40], holding three turns.
  const segments = [
    { text: 'So that is the plan.', start: 120, at: { line: 5 } },
    { label: 'Audience member', text: 'Why?', start: 120, at: { line: 5 } },
    { label: 'Paul', text: 'Good question, really.', start: 120, at: { line: 5 } },
    { text: 'Next paragraph.', start: 160, at: { line: 7 } },
  ];

  it("gives the first turn the paragraph's time and later ones an estimate from their words' place, marked as one", () => {
    const timed = timeSegments(segments, 'plain');
    expect(timed.map((segment) => timeAt(segment))).toEqual([
      { start: 120 },
      { start: 120 + (40 * 5) / 9, estimated: true },
      { start: 120 + (40 * 6) / 9, estimated: true },
      { start: 160 },
    ]);
    // A word inside a segment: two words into the third turn.
    expect(timeAt(timed[2] as Segment, 2)).toEqual({ start: 120 + (40 * 8) / 9, estimated: true });
  });

  it("ends the last paragraph at a cue's end, the recording's end, or at a speaking pace", () => {
    const last = [
      { text: 'One two.', start: 10, at: { line: 1 } },
      { label: 'B', text: 'Three four.', start: 10, at: { line: 1 } },
    ];
    expect(timeAt(timeSegments(last, 'plain', 30)[1] as Segment)).toEqual({ start: 20, estimated: true });
    expect(
      timeAt(
        timeSegments(
          last.map((segment) => ({ ...segment, end: 14 })),
          'plain',
          30,
        )[1] as Segment,
      ),
    ).toEqual({ start: 12, estimated: true });
    // Four words at 150 a minute take 1.6 s.
    expect(timeAt(timeSegments(last, 'plain')[1] as Segment)).toEqual({ start: 10.8, estimated: true });
  });

  it('writes them in the transcript as estimates', () => {
    const attributed: Attributed[] = timeSegments(segments, 'plain').map((segment) => ({ speaker: segment.label ?? 'Paul', segment }));
    const turns = layOut(attributed, [], 'paragraphs').flatMap((block) =>
      block.kind === 'turn' ? [block.paragraphs.map((paragraph) => [paragraph.start, paragraph.estimated ?? false])] : [],
    );
    expect(turns).toEqual([
      [[120, false]],
      [[120 + (40 * 5) / 9, true]],
      [
        [120 + (40 * 6) / 9, true],
        [160, false],
      ],
    ]);
  });
});

describe('splitSentences', () => {
  it('cuts at sentence ends, not at abbreviations or before lower case', () => {
    expect(splitSentences('Hello. Welcome, e.g. this one! "Quoted." And 3 more? yes ... then [Music] Next')).toEqual([
      'Hello.',
      'Welcome, e.g. this one!',
      '"Quoted."',
      'And 3 more? yes ... then [Music] Next',
    ]);
  });
});

describe('editFrontMatter', () => {
  it('sets fields in schema order and keeps comments, quoting and other fields', () => {
    const yaml =
      'title: Talk # from the programme\nkind: talk\ndate: "2023-02"\nspeakers:\n  - speaker: jan-leike\n    role: speaker\ntopics:\n  - finetuning\n';
    const edited = editFrontMatter(yaml, { transcript: { provenance: 'captions' }, voices: ['Richard'], sources: undefined }, [
      'title',
      'kind',
      'date',
      'speakers',
      'voices',
      'topics',
      'sources',
      'transcript',
    ]);
    expect(edited).toBe(
      'title: Talk # from the programme\nkind: talk\ndate: "2023-02"\nspeakers:\n  - speaker: jan-leike\n    role: speaker\nvoices:\n  - Richard\ntopics:\n  - finetuning\ntranscript:\n  provenance: captions\n',
    );
    expect(editFrontMatter(edited, { voices: undefined }, [])).not.toContain('voices');
  });
});

describe('escapeText', () => {
  it('escapes what would start a block only at the start of the text, not after a mark', () => {
    expect(escapeText('So [GPT-]3.5 and [unintelligible]- or [x]#1')).toBe('So [GPT-]3.5 and [unintelligible]- or [x]#1');
    expect(escapeText('3. Then [laughs] - yes')).toBe('3\\. Then [laughs] - yes');
    expect(escapeText('- a [note] *here*')).toBe('\\- a [note] \\*here\\*');
  });
});
