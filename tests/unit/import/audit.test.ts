/**
 * The word audit on damage of each kind, made by hand: a written transcript
 * that lost something the source has must fail the import, naming it.
 */
import { describe, expect, it } from 'vitest';
import { auditCoverage, auditOutput } from '../../../src/lib/import/audit.ts';
import { buildTranscript } from '../../../src/lib/import/import-transcript.ts';
import type { Block } from '../../../src/lib/import/lay-out.ts';
import type { ParsedSource, Segment } from '../../../src/lib/import/model.ts';
import { timeSegments } from '../../../src/lib/import/timing.ts';

/** Two caption paragraphs, the first ending mid-sentence: [0:10] and [0:20]. */
const captions: Segment[] = timeSegments(
  [
    { label: 'Ada', text: 'We talked about models and how', start: 10, at: { line: 3 } },
    { text: 'they learn.', start: 20, at: { line: 5 } },
  ],
  'plain',
);
const turn = (...paragraphs: [string, number, boolean?][]): Block[] => [
  {
    kind: 'turn',
    label: 'Ada',
    continued: false,
    paragraphs: paragraphs.map(([text, start, estimated]) => ({ text, start, ...(estimated && { estimated: true as const }), at: { line: 3 } })),
  },
];

describe('a dropped timestamp', () => {
  it('fails the audit: a caption paragraph merged into the one before loses its time', () => {
    const merged = turn(['We talked about models and how they learn.', 10]);
    expect(() => auditOutput(captions, 'plain', 'paragraphs', merged, '**Ada:** [0:10] We talked about models and how they learn.')).toThrow(
      /the source's timestamp \[0:20\] is not in the output \(dropped, or merged into the paragraph before\)/,
    );
  });

  it('fails the audit: an estimate written as an exact time', () => {
    const estimated = turn(['We talked about models and how', 10], ['they learn.', 15]);
    expect(() => auditOutput(captions, 'plain', 'paragraphs', estimated, '**Ada:** [0:10] We talked about models and how\n\n[0:15] they learn.')).toThrow(
      /\[0:15\] is written as a time the source gives, but the source gives it nowhere there/,
    );
  });

  it('passes when every source time is kept, and counts them', () => {
    const kept = turn(['We talked about models and how', 10], ['they learn.', 20]);
    expect(auditOutput(captions, 'plain', 'paragraphs', kept, '**Ada:** [0:10] We talked about models and how\n\n[0:20] they learn.')).toMatchObject({
      timesRead: 2,
      timesKept: 2,
      timesEstimated: 0,
    });
  });

  it('lets merged subtitle cues keep only the times their paragraphs start at', () => {
    const merged = turn(['We talked about models and how they learn.', 10]);
    expect(auditOutput(captions, 'plain', 'cues', merged, '**Ada:** [0:10] We talked about models and how they learn.')).toMatchObject({
      timesRead: 2,
      timesKept: 1,
    });
  });
});

describe('a mangled character reference', () => {
  const source = (text: string, coverage: string): ParsedSource => ({
    format: 'vtt',
    layout: 'cues',
    markup: 'plain',
    references: true,
    segments: [{ text, start: 1, at: { line: 3, cue: 1 } }],
    chapters: [],
    firstLine: 1,
    facts: {},
    notes: [],
    coverage,
  });

  it('fails the audit of the reading, though the words are the same: "Q&amp;A" read as "Q&;A", "&gt;&gt;" as ">;>;"', () => {
    expect(() => auditCoverage(source('Our Q&;A', 'Our Q&amp;A'))).toThrow(
      /decoded text at its 2nd "&", ";", "<", ">" or '"': the source has \(end\), the reader ";"/,
    );
    expect(() => auditCoverage(source('>;>; next', '&gt;&gt; next'))).toThrow(/a character reference \(such as "&amp;"\) was decoded wrongly/);
    expect(() => auditCoverage(source('Our Q&A', 'Our Q&amp;A'))).not.toThrow();
  });

  it('fails the audit of the reading when a reference is left undecoded', () => {
    expect(() => auditCoverage(source('say &quot;no&quot;', 'say &quot;no&quot;'))).toThrow(
      /lost track of the text at word 2 of the transcript: the source has "no", the reader "quot"/,
    );
  });

  it('fails the audit of the output when the written text says something else', () => {
    const segments = timeSegments([{ label: 'Ada', text: 'Our Q&A.', start: 1, at: { line: 3 } }], 'plain');
    const blocks: Block[] = [{ kind: 'turn', label: 'Ada', continued: false, paragraphs: [{ text: 'Our Q&A.', start: 1, at: { line: 3 } }] }];
    expect(() => auditOutput(segments, 'plain', 'paragraphs', blocks, '**Ada:** [0:01] Our Q&;A.')).toThrow(
      /the 2nd "&", ";", "<", ">" or '"' is \(end\) in the source but ";" in the output/,
    );
    expect(() => auditOutput(segments, 'plain', 'paragraphs', blocks, '**Ada:** [0:01] Our Q&A.')).not.toThrow();
  });
});

describe('a label taken for speech', () => {
  const segments = timeSegments(
    [{ label: 'Audience member', text: "Play devils' advocate, like- Paul Christiano: Which I encourage.", start: 1, at: { line: 7 } }],
    'plain',
  );
  const blocks: Block[] = [
    { kind: 'turn', label: 'Audience member', continued: false, paragraphs: [{ text: segments[0]?.text as string, start: 1, at: { line: 7 } }] },
  ];
  const body = "**Audience member:** [0:01] Play devils' advocate, like- Paul Christiano: Which I encourage.";
  const isKnownLabel = (label: string) => label === 'Paul Christiano';

  it('fails the audit, though every word is there: the turn it opens is lost', () => {
    expect(() => auditOutput(segments, 'plain', 'paragraphs', blocks, body, { isKnownLabel })).toThrow(
      /the label "Paul Christiano:" is written as speech, so the turn it opens is missing/,
    );
    expect(() => auditOutput(segments, 'plain', 'paragraphs', blocks, body, { isKnownLabel })).toThrow(expect.objectContaining({ place: { line: 7 } }));
  });

  it('leaves a colon after words that name no one alone', () => {
    expect(() => auditOutput(segments, 'plain', 'paragraphs', blocks, body, { isKnownLabel: () => false })).not.toThrow();
  });
});

describe('a word taken for a label', () => {
  const speakers = [{ slug: 'ada-lovelace', name: 'Ada Lovelace', aliases: [] }];
  const build = (segments: Segment[]) =>
    buildTranscript(
      { segments, chapters: [], layout: 'paragraphs', markup: 'plain' },
      { speakers, voices: [] },
      { archive: speakers, explicit: new Map(), strict: false, unlabelled: 'continue' },
    );

  it('fails the audit: "… yet. Two: these settings" read as a speaker "Two" loses the spoken word', () => {
    const misread: Segment[] = [
      { label: 'Ada Lovelace', labelFromText: true, text: 'Not yet.', at: { line: 3 } },
      { label: 'Two', labelFromText: true, text: 'these settings differ.', at: { line: 3 } },
    ];
    expect(() => build(misread)).toThrow(/the word "Two" was read as a label \("Two:"\) that names none of the talk's speakers or voices: a spoken word lost/);
  });

  it('lets a label the format gives, or one shaped like a full name, be kept as a voice', () => {
    expect(build([{ label: 'SPEAKER_00', text: 'Hi.', at: { line: 1 } }]).voices).toEqual(['SPEAKER_00']);
    expect(build([{ label: 'Richard Ngo', labelFromText: true, text: 'Hi.', at: { line: 1 } }]).voices).toEqual(['Richard Ngo']);
  });
});
