/** Slugs for the workshop's talks: a short form of the title, to follow the speaker's name. */
import { slugify } from '../../src/lib/transcript/stable-id.ts';

/** Short titles for slugs where the title's leading phrase would cut a phrase in half. */
export const SHORT_TITLES: Record<string, string> = {
  '“Situational Awareness” Makes Measuring Safety Tricky': 'situational-awareness',
  'How Misalignment Could Lead to Takeover': 'misalignment-takeover',
  'Looking Inside Neural Networks with Mechanistic Interpretability': 'mechanistic-interpretability',
  // Avoids carrying the programme's typo "wearning" into a permanent URL.
  'Challenges and progress towards efficient and causal preference-based reward wearning': 'preference-based-reward',
  'For both alignment and utility: focus on the medium term': 'alignment-and-utility',
  'Measuring progress on scalable oversight for large language models': 'scalable-oversight',
};

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'by', 'for', 'from', 'how', 'in', 'of', 'on', 'or', 'the', 'to', 'towards', 'with']);
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/reinforcement learning from human feedback/gi, 'RLHF'],
  [/large language models/gi, 'LLMs'],
];

/**
 * A slug from the title's leading phrase: the words before any colon, small
 * words skipped, ending at the next small word once two words are in, three
 * words at most ("Scaling Reinforcement Learning from Human Feedback" ->
 * "scaling-rlhf").
 */
export function shortTitleSlug(title: string): string {
  const override = SHORT_TITLES[title];
  if (override !== undefined) return override;
  const phrase = ABBREVIATIONS.reduce((text, [long, short]) => text.replace(long, short), title.split(':')[0] ?? title);
  const kept: string[] = [];
  for (const word of slugify(phrase).split('-')) {
    if (SMALL_WORDS.has(word)) {
      if (kept.length >= 2) break;
      continue;
    }
    kept.push(word);
    if (kept.length === 3) break;
  }
  return kept.join('-');
}
