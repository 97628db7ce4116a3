import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { contentId, contentIdByKey } from '../../src/lib/transcript/stable-id.ts';

/** Every passage id of a body, keyed by the passage's text. */
function idsByText(body: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of parseTranscript(body).blocks) {
    const passages = block.kind === 'turn' ? block.passages : block.kind === 'prose' ? [block.passage] : [];
    for (const passage of passages) map.set(passage.text, passage.id);
  }
  return map;
}

const original = [
  '**Ada:** The engine weaves patterns.',
  'It might compose music.',
  '**Alan:** Could it think?',
  'Machines can surprise us.',
  '**Ada:** It originates nothing.',
];

describe('stable ids', () => {
  it('gives the same text the same id, wherever it stands', () => {
    expect(contentId('p', 'It might compose music.')).toBe(contentId('p', 'It might compose music.'));
    expect(contentId('p', 'It might compose music.')).not.toBe(contentId('p', 'It might compose poems.'));
  });

  it('ignores re-wrapping, case and typographic quotes but not wording', () => {
    expect(contentId('p', 'don’t  Panic\nnow')).toBe(contentId('p', "Don't panic now"));
  });

  it('changes no other id when a paragraph is inserted', () => {
    const before = idsByText(original.join('\n\n'));
    const edited = [...original.slice(0, 2), 'An inserted remark.', ...original.slice(2)];
    const after = idsByText(edited.join('\n\n'));
    for (const [text, id] of before) expect(after.get(text)).toBe(id);
  });

  it('changes no other id when a paragraph is deleted or edited', () => {
    const before = idsByText(original.join('\n\n'));
    const after = idsByText([original[0], 'It might compose symphonies.', ...original.slice(2, 3), ...original.slice(4)].join('\n\n'));
    for (const [text, id] of before) {
      if (text === 'It might compose music.' || text === 'Machines can surprise us.') continue;
      expect(after.get(text)).toBe(id);
    }
  });

  it('keeps ids unique when passages repeat, numbering repeats in reading order', () => {
    const blocks = parseTranscript('**Ada:** Yeah.\n\n**Alan:** Yeah.\n\n**Ada:** Yeah.').blocks;
    const ids = blocks.flatMap((block) => (block.kind === 'turn' ? block.passages.map((passage) => passage.id) : []));
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });
});

describe('contentId on plain text', () => {
  it('gives every passage of the seed archive the id the word key gives it', () => {
    const talks = join(import.meta.dirname, '../../content/talks');
    let compared = 0;
    for (const name of readdirSync(talks)) {
      for (const paragraph of readFileSync(join(talks, name), 'utf8').split(/\n\s*\n/)) {
        expect(contentId('p', paragraph), paragraph.slice(0, 60)).toBe(contentIdByKey('p', paragraph));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('finds words exactly as the word rule does, at every edge', () => {
    const cases = [
      "don't",
      'don’t',
      'e.g. 0.15',
      'ai-relevant',
      'a--b',
      "a''b",
      'a.-b',
      'end.',
      '.start',
      'A B',
      'x‐y',
      "'quoted'",
      'ALL CAPS',
      '  ',
      '',
      '...',
      'a.b.c-d’e',
      '3.',
      'Ünïcode',
      '[inaudible]',
      'a\u2019',
      "a'",
    ];
    for (const text of cases) expect(contentId('p', text), JSON.stringify(text)).toBe(contentIdByKey('p', text));
    // Random strings over the characters that matter.
    const alphabet = "aZ09'’.-‐ ,!\n\t";
    for (let round = 0; round < 2000; round += 1) {
      let text = '';
      for (let length = Math.floor(Math.random() * 30); length > 0; length -= 1) text += alphabet[Math.floor(Math.random() * alphabet.length)];
      expect(contentId('p', text), JSON.stringify(text)).toBe(contentIdByKey('p', text));
    }
  });
});
