/**
 * Turns the four seed texts into content entries: the programme of the 2023
 * San Francisco Alignment Workshop (event, talks, speakers), the Jan Leike
 * interview, Zac Hatfield-Dodds's essay, and David Krueger and Usman Anwar's
 * agenda post with its 18 sections as topics. Seed text only gains markup
 * (turn labels, headings, footnotes, escapes); every body is checked to carry
 * its seed's words in order before anything is written.
 *
 * Usage: node scripts/convert-seeds.ts [seedsDir] [contentDir]
 * (defaults sources/seeds and content). Re-running rewrites the same files
 * byte for byte and leaves every other file alone.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document, isScalar, Scalar, stringify } from 'yaml';
import { slugify } from '../src/lib/stable-id.ts';
import { normalizedWords } from '../src/lib/words.ts';
import { escapeMarkdown, unescapeMarkdown } from './lib/escape-markdown.ts';

/** One entry to write. */
interface ContentFile {
  /** Path inside the content folder, such as `talks/jan-leike-scaling-rlhf.md`. */
  path: string;
  data: Record<string, unknown>;
  /** YAML comment after the title, where the title is ours because the seed has none. */
  titleNote?: string;
  body: string;
  /** The seed text the body carries, which must come out word for word ('' for none). */
  source: string;
}

export interface WordCount {
  path: string;
  wordsIn: number;
  wordsOut: number;
}

/** Converts the seeds in `seedsDir` into entries under `contentDir`, and returns each file's word counts. */
export function convertSeeds(seedsDir: string, contentDir: string): WordCount[] {
  const post = readSeed(seedsDir, '003_');
  const parts = [
    workshopEntries(readSeed(seedsDir, '000_')),
    interviewEntries(readSeed(seedsDir, '001_')),
    essayEntries(readSeed(seedsDir, '002_')),
    postEntries(post),
  ];
  const files = [...parts.flatMap((part) => part.files), ...speakerFiles(parts.flatMap((part) => part.speakers)), ...topicFiles(post)];
  assertUniquePaths(files);
  const counts = files.map(checkWordsKept);
  for (const file of files) writeContentFile(contentDir, file);
  return counts;
}

interface Entries {
  files: ContentFile[];
  /** Names of the people the talks bill, as the sources spell them. */
  speakers: string[];
}

function readSeed(seedsDir: string, prefix: string): string {
  const names = readdirSync(seedsDir).filter((name) => name.startsWith(prefix) && name.endsWith('.txt'));
  if (names.length !== 1) throw new Error(`expected one seed file ${prefix}*.txt in ${seedsDir}, found ${names.length}`);
  return readFileSync(join(seedsDir, names[0] as string), 'utf8');
}

// ---------------------------------------------------------------------------
// Seed 000: the workshop programme.

const WORKSHOP_EVENT = 'sf-alignment-workshop-2023';
const WORKSHOP_DATE = '2023-02';
/** The introduction ends here; the next sentence points at a form whose link the seed lost. */
const WORKSHOP_INTRO_END = 'which arose throughout.';

interface Session {
  id: string;
  /** Heading as the programme gives it; the seed text is split on it. */
  title: string;
  kind: 'talk' | 'lightning-talk';
  talkCount: number;
}

const SESSIONS: readonly Session[] = [
  { id: 'main', title: 'Main Talks', kind: 'talk', talkCount: 7 },
  { id: 'lightning-day-1', title: 'Lightning talks (Day 1)', kind: 'lightning-talk', talkCount: 9 },
  { id: 'lightning-day-2', title: 'Lightning talks (Day 2)', kind: 'lightning-talk', talkCount: 10 },
];

/** Short titles for slugs where the title's leading phrase would cut a phrase in half. */
const SHORT_TITLES: Record<string, string> = {
  '“Situational Awareness” Makes Measuring Safety Tricky': 'situational-awareness',
  'How Misalignment Could Lead to Takeover': 'misalignment-takeover',
  'Looking Inside Neural Networks with Mechanistic Interpretability': 'mechanistic-interpretability',
  // Avoids carrying the programme's typo "wearning" into a permanent URL.
  'Challenges and progress towards efficient and causal preference-based reward wearning': 'preference-based-reward',
  'For both alignment and utility: focus on the medium term': 'alignment-and-utility',
  'Measuring progress on scalable oversight for large language models': 'scalable-oversight',
};

/** Agenda sections a workshop talk's title evidently addresses, by talk slug. */
const WORKSHOP_TOPICS: Record<string, string[]> = {
  'chris-olah-mechanistic-interpretability': ['interpretability'],
  'ethan-perez-model-written-evals': ['evaluations'],
  'percy-liang-transparency-standards': ['evaluations'],
  // The post says its evaluations section (3.3) discusses scalable oversight.
  'sam-bowman-scalable-oversight': ['evaluations'],
  'ajeya-cotra-situational-awareness': ['evaluations'],
  // The post files "'influence function' type" training data attribution under pretraining (3.1).
  'roger-grosse-understanding-llm-generalization': ['pretraining'],
  'jan-leike-scaling-rlhf': ['finetuning'],
  'scott-aaronson-cryptographic-backdoors': ['data-poisoning'],
  'vincent-conitzer-foundations-cooperative-ai': ['multi-agent-settings'],
  'lionel-levine-social-dynamics': ['multi-agent-settings'],
};

interface ProgrammeTalk {
  session: Session;
  /** Position in its session, from 1. */
  order: number;
  speaker: string;
  title: string;
}

/** Reads the programme: the text after each session heading is a run of "Speaker - Title" pairs. */
function parseProgramme(seed: string): ProgrammeTalk[] {
  const starts = SESSIONS.map((session) => indexOfOnly(seed, session.title));
  assertAscending(starts, 'session headings');
  return SESSIONS.flatMap((session, index) => {
    const text = seed.slice((starts[index] as number) + session.title.length, starts[index + 1] ?? seed.length);
    const pairs = speakerTitlePairs(text);
    if (pairs.length !== session.talkCount) {
      throw new Error(`expected ${session.talkCount} talks under "${session.title}", read ${pairs.length}: ${JSON.stringify(pairs)}`);
    }
    return pairs.map((pair, position) => ({ session, order: position + 1, ...pair }));
  });
}

/** Between two " - " separators lie a title and the next speaker's name; every name in the programme has two words. */
const TITLE_THEN_NAME = /^(?<title>.+?)\s+(?<name>\S+\s+\S+)$/s;
const TWO_CAPITALISED_WORDS = /^\p{Lu}\S*\s+\p{Lu}\S*$/u;

function speakerTitlePairs(text: string): { speaker: string; title: string }[] {
  const segments = text.trim().split(' - ');
  let speaker = segments[0] ?? '';
  return segments.slice(1).map((segment, index, rest) => {
    const match = index === rest.length - 1 ? null : TITLE_THEN_NAME.exec(segment.trim());
    const pair = { speaker: checkedName(speaker), title: match?.groups?.['title'] ?? segment.trim() };
    speaker = match?.groups?.['name'] ?? '';
    return pair;
  });
}

function checkedName(name: string): string {
  if (!TWO_CAPITALISED_WORDS.test(name)) throw new Error(`"${name}" does not look like a speaker's name; the programme has changed shape`);
  return name;
}

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
function shortTitleSlug(title: string): string {
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

function workshopEntries(seed: string): Entries {
  const talks = parseProgramme(seed);
  const slugs = talks.map((talk) => `${slugify(talk.speaker)}-${shortTitleSlug(talk.title)}`);
  assertAllUsed(Object.keys(SHORT_TITLES), talks.map((talk) => talk.title), 'SHORT_TITLES');
  assertAllUsed(Object.keys(WORKSHOP_TOPICS), slugs, 'WORKSHOP_TOPICS');
  return {
    files: [workshopEventFile(seed), ...talks.map((talk, index) => workshopTalkFile(talk, slugs[index] as string))],
    speakers: talks.map((talk) => talk.speaker),
  };
}

function workshopEventFile(seed: string): ContentFile {
  const intro = seed.slice(0, indexOfOnly(seed, WORKSHOP_INTRO_END) + WORKSHOP_INTRO_END.length);
  return {
    path: `events/${WORKSHOP_EVENT}.md`,
    data: {
      name: 'San Francisco Alignment Workshop',
      start: WORKSHOP_DATE,
      place: 'San Francisco',
      sessions: SESSIONS.map(({ id, title }) => ({ id, title })),
    },
    body: escapeMarkdown(intro.trim()),
    source: intro,
  };
}

/** No transcript of these talks is in the seeds: the body stays empty and the page says so. */
function workshopTalkFile(talk: ProgrammeTalk, slug: string): ContentFile {
  const topics = WORKSHOP_TOPICS[slug];
  return {
    path: `talks/${slug}.md`,
    data: {
      title: talk.title,
      kind: talk.session.kind,
      event: WORKSHOP_EVENT,
      session: talk.session.id,
      order: talk.order,
      date: WORKSHOP_DATE,
      speakers: [{ speaker: slugify(talk.speaker), role: 'speaker' }],
      ...(topics && { topics }),
    },
    body: '',
    source: '',
  };
}

// ---------------------------------------------------------------------------
// Seed 001: the interview. Each paragraph opens with its speaker's name in
// lower case ("rob wiblin hi listeners ..."), which becomes the turn label.

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

function interviewEntries(seed: string): Entries {
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
    if (INTERVIEW_LABELS.some((name) => paragraph.startsWith(name))) throw new Error(`label glued to the next word: "${paragraph.slice(0, 40)}"; add it to GLUED_LABELS`);
    return escapeMarkdown(paragraph);
  }
  return `**${label}:** ${escapeMarkdown(paragraph.slice(label.length).trim())}`;
}

// ---------------------------------------------------------------------------
// Seeds 002 and 003 run their headings into the text. An outline names, in
// order, where each heading, paragraph or list item begins; each must occur
// exactly once.

type Mark =
  | { kind: 'heading'; depth: 2 | 3; text: string }
  /** `text` is what the paragraph begins with. */
  | { kind: 'paragraph'; text: string }
  /** A list item whose lead-in `text` is set in bold. */
  | { kind: 'item'; text: string };

const heading = (text: string, depth: 2 | 3 = 2): Mark => ({ kind: 'heading', depth, text });
const paragraph = (text: string): Mark => ({ kind: 'paragraph', text });
const item = (text: string): Mark => ({ kind: 'item', text });

/** Cuts the text where each mark begins and renders the pieces as Markdown blocks. */
function outlineToMarkdown(text: string, marks: readonly Mark[]): string {
  const starts = marks.map((mark) => indexOfOnly(text, mark.text));
  assertAscending(starts, 'outline marks');
  const opening = text.slice(0, starts[0] ?? text.length).trim();
  const blocks = opening === '' ? [] : [escapeMarkdown(opening)];
  marks.forEach((mark, index) => {
    const piece = text.slice(starts[index] as number, starts[index + 1] ?? text.length).trim();
    blocks.push(...markBlocks(mark, piece));
  });
  return blocks.join('\n\n');
}

function markBlocks(mark: Mark, piece: string): string[] {
  const rest = piece.slice(mark.text.length).trim();
  switch (mark.kind) {
    case 'heading':
      return [`${'#'.repeat(mark.depth)} ${escapeMarkdown(mark.text)}`, ...(rest === '' ? [] : [escapeMarkdown(rest)])];
    case 'paragraph':
      return [escapeMarkdown(piece)];
    case 'item':
      return [`- **${escapeMarkdown(mark.text)}** ${escapeMarkdown(rest)}`];
  }
}

/** The seeds mark footnotes as `[1]`; after escaping they read `\[1\]`. */
const ESCAPED_FOOTNOTE_MARKER = /\\\[(\d+)\\\]/g;

/** Turns the markers into footnote references and appends the notes as definitions, numbered in order. */
function withFootnotes(markdown: string, notes: readonly string[]): string {
  const numbers = [...markdown.matchAll(ESCAPED_FOOTNOTE_MARKER)].map((match) => Number(match[1]));
  const expected = notes.map((_, index) => index + 1);
  if (numbers.join() !== expected.join()) throw new Error(`expected footnote markers ${expected.join(', ')} in order, found ${numbers.join(', ')}`);
  const definitions = notes.map((note, index) => `[^${index + 1}]: ${escapeMarkdown(note.trim())}`);
  return [markdown.replace(ESCAPED_FOOTNOTE_MARKER, '[^$1]'), ...definitions].join('\n\n');
}

// ---------------------------------------------------------------------------
// Seed 002: the essay.

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

function essayEntries(seed: string): Entries {
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

// ---------------------------------------------------------------------------
// Seed 003: the agenda post, and its sections as topics.

const POST_SLUG = 'krueger-anwar-llm-safety-research-agenda';
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

function postEntries(seed: string): Entries {
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

const CATEGORIES: Record<string, string> = {
  '2': 'Scientific understanding of LLMs',
  '3': 'Development and deployment methods',
  '4': 'Sociotechnical challenges',
};

/** Verbatim text of the post: from the first occurrence of `from` to the end of the next `through`. */
interface Span {
  from: string;
  through: string;
}
const span = (from: string, through: string): Span => ({ from, through });

const ICL_AND_REASONING = span('We specifically call out for more research', 'research progress in LLMs..');
const EVALS_RECOMMENDED = span('These sections are highly recommended', 'far too optimistic about evaluations.');
const SECTION_2_2 = span('Section 2.2: One major issue', 'poor accounting of scaffolding in most evaluations.');
const SECTIONS_2_2_AND_2_3 = span('We have two sections (sections 2.2 & 2.3)', 'working on capabilities evaluations.');
const AGENTS = span('We also call for more research into understanding', 'transfers to LLM-agents.');
const TRADE_OFFS_CORE = span('One particular issue that I believe is core', 'well-suited for conducting such research.');
const TRADE_OFFS_ASSURANCE = span('For instance, such trade-offs are large', 'for the indefinite future.');
const TRADE_OFFS_AGENCY = span('Another key axis of trade-offs', 'outcompeted by AI agents.');
const TRADE_OFFS_SUMMARY = span('The last section in this category (section 2.7)', 'only nominally popular within the AI Safety community.');
const PRETRAINING = span('In pretraining (section 3.1)', 'elicit some harmful capability.');
const FINETUNING = span('We have an extensive discussion on deficiencies', 'highly neglected in the community right now.');
const SECTION_3_3 = span('Section 3.3 is more about', 'scalable oversight research in this direction.');
const EVALS_AND_INTERPRETABILITY = span('We then go on to discuss challenges related to evaluations', '(sections 3.3 and 3.4).');
const INTERPRETABILITY_CRITIQUE = span('Interpretability is among the most popular', 'might be neglected by the AF community.');
const SECURITY = span('The last two sections in this category (sections 3.5 and 3.6)', 'yet seems to be highly neglected.');
const POISONING = span('There is some work showing that poisoning', 'does not de-poison a poisoned model.');
const VALUES = span('We start this category by discussing', 'within AI Safety/Alignment community.');
const MALICIOUS_USE_RISK = span('Policymakers’ concern about catastrophic', 'credibility of AI x-risk advocates.');
const MALICIOUS_USE = span('We then discuss gaps in our understanding', '(section 4.2).');
const TRUSTWORTHINESS = span('There is an emerging viewpoint that RLHF', 'in section 4.3.');
const SOCIOECONOMIC_AND_GOVERNANCE = span('The last two sections (4.4 and 4.5)', 'governance of LLMs.');
const GOVERNANCE_CRITIQUE = span('AI governance is (finally) becoming', 'their viability and utility.');
const GOVERNANCE_SUMMARY = span('The last two sections (4.4 and 4.5)', 'doing more governance work.');

interface Topic {
  number: string;
  /** A short title in the post's own words for the section. */
  title: string;
  /** What the post says about the section, in the post's order. */
  excerpts: readonly Span[];
}

/** The agenda's 18 sections. Category-wide paragraphs stay with the post; each topic gets what is said of it. */
const TOPICS: readonly Topic[] = [
  { number: '2.1', title: 'In-context learning', excerpts: [ICL_AND_REASONING] },
  { number: '2.2', title: 'Understanding capabilities', excerpts: [EVALS_RECOMMENDED, SECTION_2_2, SECTIONS_2_2_AND_2_3] },
  { number: '2.3', title: 'Measuring and predicting capabilities', excerpts: [SECTIONS_2_2_AND_2_3] },
  { number: '2.4', title: 'Reasoning capabilities', excerpts: [ICL_AND_REASONING] },
  { number: '2.5', title: 'LLM-agents', excerpts: [AGENTS] },
  { number: '2.6', title: 'Multi-agent settings', excerpts: [AGENTS] },
  { number: '2.7', title: 'Safety-performance trade-offs', excerpts: [TRADE_OFFS_CORE, TRADE_OFFS_ASSURANCE, TRADE_OFFS_AGENCY, TRADE_OFFS_SUMMARY] },
  { number: '3.1', title: 'Pretraining', excerpts: [PRETRAINING] },
  { number: '3.2', title: 'Finetuning', excerpts: [FINETUNING] },
  { number: '3.3', title: 'Evaluations', excerpts: [EVALS_RECOMMENDED, SECTION_3_3, EVALS_AND_INTERPRETABILITY] },
  { number: '3.4', title: 'Interpretability', excerpts: [INTERPRETABILITY_CRITIQUE, EVALS_AND_INTERPRETABILITY] },
  { number: '3.5', title: 'Jailbreaking', excerpts: [SECURITY] },
  { number: '3.6', title: 'Data poisoning', excerpts: [SECURITY, POISONING] },
  { number: '4.1', title: 'Values to encode in LLMs', excerpts: [VALUES] },
  { number: '4.2', title: 'Malicious use', excerpts: [MALICIOUS_USE_RISK, MALICIOUS_USE] },
  { number: '4.3', title: 'Trustworthiness', excerpts: [TRUSTWORTHINESS] },
  { number: '4.4', title: 'Socioeconomic impacts', excerpts: [SOCIOECONOMIC_AND_GOVERNANCE] },
  { number: '4.5', title: 'Governance', excerpts: [GOVERNANCE_CRITIQUE, GOVERNANCE_SUMMARY] },
];

function topicFiles(post: string): ContentFile[] {
  return TOPICS.map((topic) => {
    const excerpts = topic.excerpts.map((excerpt) => excerptOf(post, excerpt));
    return {
      path: `topics/${slugify(topic.title)}.md`,
      data: { number: topic.number, title: topic.title, category: categoryOf(topic), source: POST_SLUG },
      body: excerpts.map(escapeMarkdown).join('\n\n'),
      source: excerpts.join('\n\n'),
    };
  });
}

function excerptOf(text: string, { from, through }: Span): string {
  const start = indexOfOnly(text, from);
  const end = text.indexOf(through, start);
  if (end === -1) throw new Error(`excerpt from "${from}" never reaches "${through}"`);
  return text.slice(start, end + through.length);
}

function categoryOf(topic: Topic): string {
  const category = CATEGORIES[topic.number.split('.')[0] ?? ''];
  if (category === undefined) throw new Error(`no category for section ${topic.number}`);
  return category;
}

// ---------------------------------------------------------------------------
// Speakers, checks and writing.

function speakerFiles(names: readonly string[]): ContentFile[] {
  return [...new Set(names)].map((name) => ({ path: `speakers/${slugify(name)}.md`, data: { name }, body: '', source: '' }));
}

/**
 * Removes the markup this script adds, leaving the seed's characters: turn
 * labels' bold and colon (the label words stay), headings, list markers,
 * bold lead-ins, footnote definition labels (`[^1]` references go back to the
 * seed's `[1]`) and backslash escapes.
 */
export function stripAddedMarkup(body: string): string {
  return unescapeMarkdown(
    body
      .replace(/^\*\*(.+?):\*\* /gm, '$1 ')
      .replace(/^#{2,3} /gm, '')
      .replace(/^- /gm, '')
      .replace(/(?<!\\)\*\*/g, '')
      .replace(/^\[\^\d+\]: /gm, '')
      .replace(/\[\^(\d+)\]/g, '[$1]'),
  );
}

/** Fails unless the body, stripped of added markup, has exactly the source's words in the same order. */
function checkWordsKept(file: ContentFile): WordCount {
  const expected = normalizedWords(file.source);
  const actual = normalizedWords(stripAddedMarkup(file.body));
  const at = expected.findIndex((word, index) => actual[index] !== word);
  if (at !== -1 || actual.length !== expected.length) {
    const index = at === -1 ? expected.length : at;
    throw new Error(`${file.path}: word ${index + 1} of the seed is "${expected[index]}" but the body has "${actual[index]}"`);
  }
  return { path: file.path, wordsIn: expected.length, wordsOut: actual.length };
}

function assertUniquePaths(files: readonly ContentFile[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    if (seen.has(path)) throw new Error(`two entries would be written to ${path}`);
    seen.add(path);
  }
}

function writeContentFile(contentDir: string, file: ContentFile): void {
  const path = join(contentDir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderContentFile(file));
}

function renderContentFile(file: ContentFile): string {
  return `---\n${frontMatter(file)}---\n${file.body === '' ? '' : `${file.body}\n`}`;
}

/** Fields that hold dates or section numbers, quoted so that no YAML reader takes them for numbers or timestamps. */
const QUOTED_FIELDS = ['date', 'start', 'number'];

function frontMatter(file: ContentFile): string {
  const document = new Document(file.data);
  for (const field of QUOTED_FIELDS) {
    const node = document.get(field, true);
    if (isScalar(node)) node.type = Scalar.QUOTE_DOUBLE;
  }
  const title = document.get('title', true);
  if (file.titleNote !== undefined && isScalar(title)) title.comment = ` ${file.titleNote}`;
  return stringify(document, { lineWidth: 0 });
}

function indexOfOnly(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first === -1) throw new Error(`"${needle}" is not in the seed`);
  if (text.indexOf(needle, first + 1) !== -1) throw new Error(`"${needle}" occurs more than once in the seed`);
  return first;
}

/** The text before the only occurrence of `marker`, and the text from it on. */
function splitAtOnly(text: string, marker: string): [string, string] {
  const at = indexOfOnly(text, marker);
  return [text.slice(0, at), text.slice(at)];
}

function assertAscending(positions: readonly number[], what: string): void {
  positions.forEach((position, index) => {
    if (index > 0 && position <= (positions[index - 1] as number)) throw new Error(`${what} are out of order at number ${index + 1}`);
  });
}

function assertAllUsed(keys: readonly string[], used: readonly string[], table: string): void {
  const unused = keys.filter((key) => !used.includes(key));
  if (unused.length > 0) throw new Error(`${table} has entries that match nothing: ${unused.join(', ')}`);
}

if (import.meta.main) {
  const [seedsDir = 'sources/seeds', contentDir = 'content'] = process.argv.slice(2);
  for (const { path, wordsIn, wordsOut } of convertSeeds(seedsDir, contentDir)) {
    console.log(`${path}: ${wordsIn} words in, ${wordsOut} words out`);
  }
}
