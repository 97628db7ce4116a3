import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCollection } from '../../src/lib/content/read-collection.ts';
import { outlineTranscript } from '../../src/lib/content/transcript-outline.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');

/** The turns as the page renders them: label, line and whether it carries on after a heading. */
function pageTurns(body: string) {
  return parseTranscript(body)
    .blocks.filter((block) => block.kind === 'turn')
    .map((turn) => ({ label: turn.label, line: turn.line, continued: turn.continued }));
}

describe('outlineTranscript', () => {
  it('finds the same turns as the page parser in every talk of the archive', () => {
    const { entries } = readCollection(CONTENT, 'talks');
    expect(entries.length).toBeGreaterThan(20);
    for (const talk of entries) {
      const outline = outlineTranscript(talk.body).turns.map(({ label, line, continued }) => ({ label, line, continued }));
      expect(outline, talk.file).toEqual(pageTurns(talk.body));
    }
  });

  it('finds the same turns in the tricky layouts of the convention', () => {
    const body = [
      '**Ada Lovelace:**',
      '',
      'The label stood alone; this is her text.',
      '',
      '## A chapter in the middle of her turn',
      '',
      'She carries on.',
      '',
      '**Alan Turing**: [1:02:03] Colon outside the bold.',
      '',
      '- a list',
      '- continues the turn',
      '',
      '**Not a label** in the middle of a sentence.',
      '',
      '> **Quoted:** a label inside a quote is text',
    ].join('\n');
    expect(outlineTranscript(body).turns.map(({ label, line, continued }) => ({ label, line, continued }))).toEqual(pageTurns(body));
  });

  it('tells turns with words from turns without', () => {
    const body =
      '**Ada:** [0:01]\n\n**Alan:** [0:02] [inaudible]\n\n**Ada:** [0:03]\n\n[0:04] Words at last.\n\n**Alan:**\n\n## Heading\n\nText after the heading.\n';
    expect(outlineTranscript(body).turns.map((turn) => [turn.label, turn.hasWords])).toEqual([
      ['Ada', false],
      ['Alan', true],
      ['Ada', true],
      ['Alan', false],
      ['Alan', true],
    ]);
  });

  it('says whether a body has any words outside labels, timestamps and markup', () => {
    expect(outlineTranscript('**Ada:** [0:01]\n\n---\n\n**Alan:** [1:00:00]\n').hasWords).toBe(false);
    expect(outlineTranscript('**Ada:** [~0:01]\n').hasWords).toBe(false);
    expect(outlineTranscript('## Chapter one\n').hasWords).toBe(true);
    expect(outlineTranscript('**Ada:** *¿?*\n').hasWords).toBe(false);
    expect(outlineTranscript('Text with a footnote.[^1]\n\n[^1]: The note.\n').hasWords).toBe(true);
  });
});
