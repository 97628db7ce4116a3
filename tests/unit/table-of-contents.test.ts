import { describe, expect, it } from 'vitest';
import { nestContents, tableOfContents } from '../../src/lib/transcript/table-of-contents.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';

describe('the contents of a transcript with parts and sections', () => {
  const body = [
    '## Part one',
    '### Introduction',
    '**Host:** Hello.',
    '### Why now',
    '**Host:** Now.',
    '## Part two',
    '### What next',
    '**Guest:** This.',
  ].join('\n\n');

  it("lists the sections under their part, as the transcript's heading levels say", () => {
    const entries = nestContents(tableOfContents(parseTranscript(body), 10_000));
    expect(entries.map(({ item, children }) => [item.label, children.map((child) => child.item.label)])).toEqual([
      ['Part one', ['Introduction', 'Why now']],
      ['Part two', ['What next']],
    ]);
  });

  it('lists chapters of one level, or turns, as one list', () => {
    const flat = nestContents(tableOfContents(parseTranscript('## One\n\n**Host:** Hello.\n\n## Two\n\n**Host:** Now.'), 10_000));
    expect(flat.map(({ item, children }) => [item.label, children.length])).toEqual([
      ['One', 0],
      ['Two', 0],
    ]);
  });
});

describe('the contents of a long transcript without chapters', () => {
  const filler = (topic: string, count: number) =>
    Array.from(
      { length: count },
      (_, index) => `The ${topic} matters here, and ${topic} ${index % 2 ? 'again' : 'once more'} shapes everything we ${topic} about.`,
    ).join(' ');
  const subjects = ['oversight', 'interpretability', 'compute', 'governance', 'evaluations', 'deception'];
  // An interview: the host asks about a subject, the guest answers at length in its words; between
  // subjects the host says short things that are no place to send anyone.
  const body = subjects
    .map((subject, index) =>
      [
        `**Host:** [${index * 5}:00] Yeah ok so what do you think about ${subject} in the coming years, and why?`,
        `**Guest:** [${index * 5}:20] ${filler(subject, 28)}`,
        '**Host:** Got it.',
        `**Guest:** ${filler(subject, 28)}`,
      ].join('\n\n'),
    )
    .join('\n\n');
  const parsed = parseTranscript(body);
  const words = body.split(/\s+/).length;
  const entries = tableOfContents(parsed, words, (label) => label === 'Host');

  it('lists the questions that open each subject, with their times, the opening first', () => {
    expect(entries.map((entry) => entry.timestamp?.label)).toEqual(subjects.map((_, index) => `${index * 5}:00`));
    expect(entries.every((entry) => entry.speakerLabel === 'Host')).toBe(true);
  });

  it('says what is asked, without the fillers a turn opens with', () => {
    expect(entries[1]?.label).toBe('What do you think about interpretability in the coming years, and why?');
  });
});
