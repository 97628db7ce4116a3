import { describe, expect, it } from 'vitest';
import { nestContents, tableOfContents } from '../../src/lib/table-of-contents.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';

describe('the contents of a transcript with parts and sections', () => {
  const body = ['## Part one', '### Introduction', '**Host:** Hello.', '### Why now', '**Host:** Now.', '## Part two', '### What next', '**Guest:** This.'].join('\n\n');

  it('lists the sections under their part, as the transcript\'s heading levels say', () => {
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
