/** Seed 000: the workshop programme, as the event, its talks and their speakers. */
import { slugify } from '../../src/lib/transcript/stable-id.ts';
import { escapeMarkdown } from '../../src/lib/escape-markdown.ts';
import type { ContentFile, Entries } from './content-file.ts';
import { SHORT_TITLES, shortTitleSlug } from './talk-slug.ts';
import { assertAllUsed, indexOfOnly } from './text-checks.ts';
import { parseProgramme, SESSIONS, type ProgrammeTalk } from './workshop-programme.ts';

const WORKSHOP_EVENT = 'sf-alignment-workshop-2023';
const WORKSHOP_DATE = '2023-02';
/** The introduction ends here; the next sentence points at a form whose link the seed lost. */
const WORKSHOP_INTRO_END = 'which arose throughout.';

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

export function workshopEntries(seed: string): Entries {
  const talks = parseProgramme(seed);
  const slugs = talks.map((talk) => `${slugify(talk.speaker)}-${shortTitleSlug(talk.title)}`);
  assertAllUsed(
    Object.keys(SHORT_TITLES),
    talks.map((talk) => talk.title),
    'SHORT_TITLES',
  );
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

/** The fields of a workshop talk that the programme decides; its transcript and links come from the importer. */
const PROGRAMME_FIELDS = ['title', 'kind', 'event', 'session', 'order', 'date', 'speakers', 'topics'];

/**
 * No transcript of these talks is in the seeds: a new file has an empty body,
 * and an existing one keeps the transcript imported into it.
 */
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
    owns: PROGRAMME_FIELDS,
  };
}
