/** Seed 003: the agenda post itself. */
import { slugify } from '../../src/lib/transcript/stable-id.ts';
import { TOPICS } from './agenda-sections.ts';
import type { Entries } from './content-file.ts';
import { withFootnotes } from './footnotes.ts';
import { heading, outlineToMarkdown, paragraph, type Mark } from './outline.ts';
import { splitAtOnly } from './text-checks.ts';

export const POST_SLUG = 'krueger-anwar-llm-safety-research-agenda';
const POST_OUTLINE: readonly Mark[] = [
  paragraph('I believe this work will be an excellent reference'),
  // The list of the 18 topics that followed this sentence is not in the seed.
  paragraph('Our work covers the following 18 topics'),
  heading('Why you should (maybe) read (part of) our agenda'),
  paragraph('It includes over 200 concrete research directions'),
  paragraph('We believe it provides comprehensive coverage'),
  paragraph('We cover a much broader range of topics'),
  paragraph('Engaging with and understanding the broader ML community'),
  paragraph('We are interested in feedback from the AF community'),
  heading('Topics of particular relevance to the Alignment Forum community:'),
  heading('Critiques of interpretability (Section 3.4)', 3),
  heading('Difficulties of understanding capabilities (section 2.2) and implications for evals (section 3.3)', 3),
  paragraph('Section 2.2: One major issue'),
  paragraph('Section 3.3 is more about'),
  heading('Sociotechnical Challenges (Section 4)', 3),
  paragraph('AI governance is (finally) becoming'),
  paragraph('Policymakers’ concern about catastrophic'),
  heading('Safety/performance trade-offs (Section 2.7)', 3),
  paragraph('For instance, such trade-offs are large'),
  paragraph('Another key axis of trade-offs'),
  heading('Summary of the agenda content:'),
  heading('Scientific understanding of LLMs', 3),
  paragraph('We specifically call out for more research'),
  paragraph('We have two sections (sections 2.2 & 2.3)'),
  paragraph('We also call for more research into understanding'),
  paragraph('The last section in this category (section 2.7)'),
  heading('Development and deployment methods', 3),
  paragraph('In pretraining (section 3.1)'),
  paragraph('We have an extensive discussion on deficiencies'),
  paragraph('We then go on to discuss challenges related to evaluations'),
  paragraph('The last two sections in this category (sections 3.5 and 3.6)'),
  heading('Sociotechnical challenges', 3),
  paragraph('We start this category by discussing'),
  paragraph('We then discuss gaps in our understanding'),
  paragraph('The last two sections (4.4 and 4.5)'),
];
/** The post's one footnote, opened by a caret: the original page's back-link, not a word. */
const POST_FOOTNOTE = '^ I believe some of the enthusiasm';

export function postEntries(seed: string): Entries {
  const [text, note] = splitAtOnly(seed, POST_FOOTNOTE);
  return {
    files: [
      {
        path: `talks/${POST_SLUG}.md`,
        data: {
          title: 'A comprehensive research agenda on LLM safety and alignment',
          kind: 'post',
          speakers: [
            { speaker: 'david-krueger', role: 'author' },
            { speaker: 'usman-anwar', role: 'author' },
          ],
          topics: TOPICS.map((topic) => slugify(topic.title)),
          transcript: { provenance: 'author-text' },
        },
        titleNote: 'descriptive: the seed has no title',
        body: withFootnotes(outlineToMarkdown(text, POST_OUTLINE), [note.replace(/^\^ /, '')]),
        source: seed,
      },
    ],
    speakers: ['David Krueger', 'Usman Anwar'],
  };
}
