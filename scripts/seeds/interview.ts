/**
 * Seed 001: the interview. Each paragraph opens with its speaker's name in
 * lower case ("rob wiblin hi listeners ..."), which becomes the turn label.
 */
import { escapeMarkdown } from '../../src/lib/escape-markdown.ts';
import type { Entries } from './content-file.ts';
import { indexOfOnly } from './text-checks.ts';

const INTERVIEW_LABELS = ['rob wiblin', 'jan leike'];
const INTERVIEW_PARAGRAPHS = 396;

/**
 * Where the seed lost the space between a label and the turn's first word.
 * Without the space the paragraph would read as Rob Wiblin's, whose question
 * it answers; the repair inserts that space and nothing else.
 */
const GLUED_LABELS: readonly { glued: string; repaired: string }[] = [
  { glued: 'jan leikeit depends on your count', repaired: 'jan leike it depends on your count' },
];

export function repairGluedLabels(seed: string): string {
  return GLUED_LABELS.reduce((text, { glued, repaired }) => {
    if (repaired.replaceAll(' ', '') !== glued.replaceAll(' ', '')) throw new Error(`repair of "${glued}" must only add spaces`);
    indexOfOnly(text, glued);
    return text.replace(glued, repaired);
  }, seed);
}

export function interviewEntries(seed: string): Entries {
  const source = repairGluedLabels(seed);
  const paragraphs = source
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length !== INTERVIEW_PARAGRAPHS) throw new Error(`expected ${INTERVIEW_PARAGRAPHS} interview paragraphs, found ${paragraphs.length}`);
  return {
    files: [
      {
        path: 'talks/jan-leike-superalignment-interview.md',
        data: {
          title: 'Jan Leike on the superalignment project',
          kind: 'interview',
          speakers: [
            { speaker: 'rob-wiblin', role: 'host' },
            { speaker: 'jan-leike', role: 'guest' },
          ],
          // Interpretability and scalable oversight (which the post files under evaluations) are discussed at length.
          topics: ['interpretability', 'evaluations'],
        },
        titleNote: 'descriptive: the seed has no title',
        body: paragraphs.map(interviewParagraph).join('\n\n'),
        source,
      },
    ],
    speakers: ['Rob Wiblin', 'Jan Leike'],
  };
}

/** `**jan leike:** text` for a paragraph that opens with a name; other paragraphs continue the current speaker. */
function interviewParagraph(paragraph: string): string {
  const label = INTERVIEW_LABELS.find((name) => paragraph.startsWith(`${name} `));
  if (label === undefined) {
    if (INTERVIEW_LABELS.some((name) => paragraph.startsWith(name)))
      throw new Error(`label glued to the next word: "${paragraph.slice(0, 40)}"; add it to GLUED_LABELS`);
    return escapeMarkdown(paragraph);
  }
  return `**${label}:** ${escapeMarkdown(paragraph.slice(label.length).trim())}`;
}
