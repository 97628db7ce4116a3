/** Seed 002: the essay. */
import type { Entries } from './content-file.ts';
import { withFootnotes } from './footnotes.ts';
import { heading, item, outlineToMarkdown, paragraph, type Mark } from './outline.ts';
import { splitAtOnly } from './text-checks.ts';

/**
 * Paragraph breaks follow the seed's spacing: the author puts two spaces
 * between sentences of one paragraph, while the seed joined paragraphs,
 * headings and list items with one.
 */
const ESSAY_OUTLINE: readonly Mark[] = [
  paragraph('On the other hand, despair'),
  paragraph('This essay therefore lays out'),
  heading('Background: a little about Anthropic'),
  paragraph('Anthropic’s raison d’etre is AI Safety.'),
  item('Training near-SOTA models.'),
  item('Direct alignment research.'),
  item('Interpretability research.'),
  item('Policy and communications.'),
  paragraph('If you want to know more about what we’re up to'),
  paragraph('We’ll be posting more information'),
  heading('Concrete reasons for hope'),
  heading('Language model interventions work pretty well'),
  paragraph('As expected, we’ve also seen'),
  paragraph('The ‘treacherous turn’ scenario'),
  heading('Few attempts to align ML systems'),
  heading('Interpretability is promising!'),
  paragraph('Mechanistic interpretability is also popping up'),
  heading('Outcome-based training can be limited or avoided'),
  paragraph('“Just” being as skilled'),
  heading('Good enough is good enough'),
  heading('Training can probably stop short of catastrophe'),
  paragraph('I’d aim to stop before getting'),
  heading('People do respond to evidence'),
  paragraph('If a major lab saw something'),
  heading('I don’t expect a ‘sharp left turn’'),
  paragraph('Anecdotally, I’ve seen RLHF'),
  heading('Conclusion: high confidence in doom is unjustified'),
  paragraph('It Looks Like You’re Trying To Take Over The World'),
  paragraph('Estimates of “P(doom)”'),
  paragraph('Emotionally, I’m feeling'),
];
const ESSAY_FOOTNOTES_START = 'Contrary to stereotypes about grad school';
const ESSAY_FOOTNOTE_COUNT = 9;
/**
 * Ends each footnote in the seed: the original page's back-link icon, not a
 * word. Its variation selector would count as one for the word tokeniser.
 */
const BACKLINK = '↩︎';

export function essayEntries(seed: string): Entries {
  const [text, notesText] = splitAtOnly(seed, ESSAY_FOOTNOTES_START);
  const notes = notesText.split(BACKLINK).filter((note) => note.trim() !== '');
  if (notes.length !== ESSAY_FOOTNOTE_COUNT) throw new Error(`expected ${ESSAY_FOOTNOTE_COUNT} essay footnotes, found ${notes.length}`);
  return {
    files: [
      {
        path: 'talks/zac-hatfield-dodds-concrete-reasons-for-hope.md',
        data: {
          title: 'Concrete reasons for hope about AI',
          kind: 'essay',
          speakers: [{ speaker: 'zac-hatfield-dodds', role: 'author' }],
          // The essay has a section "Interpretability is promising!".
          topics: ['interpretability'],
          transcript: { provenance: 'author-text' },
        },
        body: withFootnotes(outlineToMarkdown(text, ESSAY_OUTLINE), notes),
        source: seed.replaceAll(BACKLINK, ''),
      },
    ],
    speakers: ['Zac Hatfield-Dodds'],
  };
}
