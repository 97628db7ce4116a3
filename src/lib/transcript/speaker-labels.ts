import type { ResolvedSpeaker } from './render-transcript.ts';

/** What the label resolver needs to know of a speaker. */
export interface SpeakerIdentity {
  slug: string;
  name: string;
  aliases: readonly string[];
}

/** Case, accents, spacing and a trailing colon do not distinguish labels. */
export function labelKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .replace(/[:.]+$/, '')
    .trim();
}

/**
 * Maps transcript labels to the talk's speakers by slug, full name or alias,
 * ignoring case and accents: `jan leike`, `Jan Leike` and `jan-leike` are one.
 */
export function createLabelResolver<S extends SpeakerIdentity>(speakers: readonly S[]): (label: string) => S | undefined {
  const byKey = new Map<string, S>();
  for (const speaker of speakers) {
    for (const key of [speaker.slug, speaker.name, ...speaker.aliases]) {
      const normalized = labelKey(key);
      if (!byKey.has(normalized)) byKey.set(normalized, speaker);
    }
  }
  return (label) => byKey.get(labelKey(label));
}

/** Voices that are no speaker entry: the anonymous audience, or a voice the source does not name. */
export type AnonymousVoice = 'audience' | 'unattributed';

// A Map, not an object literal: a label such as "constructor" must not find Object.prototype's.
const ANONYMOUS_LABELS = new Map<string, AnonymousVoice>([
  ['audience', 'audience'],
  ['audience member', 'audience'],
  ['audience members', 'audience'],
  ['audience question', 'audience'],
  ['presenter', 'unattributed'],
  ['moderator', 'unattributed'],
  ['chair', 'unattributed'],
  ['unattributed', 'unattributed'],
  ['unknown speaker', 'unattributed'],
  ['unidentified speaker', 'unattributed'],
]);

/**
 * The anonymous voice a label names, if any. These labels are valid in every
 * talk without a speaker entry: an audience has no page of its own.
 */
export function anonymousVoice(label: string): AnonymousVoice | undefined {
  return ANONYMOUS_LABELS.get(labelKey(label));
}

/**
 * Who a transcript label stands for in one talk: one of its speakers (with a link when given one),
 * a voice the talk declares, or an anonymous voice, named as written. The talk page and the
 * transcript downloads both name turns through this, so they agree.
 */
export function talkLabelResolver(
  speakers: readonly (SpeakerIdentity & { href?: string })[],
  voices: readonly string[],
): (label: string) => ResolvedSpeaker | undefined {
  const resolve = createLabelResolver([...speakers, ...voices.map((voice) => ({ slug: 'voice', name: voice, aliases: [] }))]);
  return (label) => {
    const voice = anonymousVoice(label);
    return resolve(label) ?? (voice && { slug: voice, name: label });
  };
}
