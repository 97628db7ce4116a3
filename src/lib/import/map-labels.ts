/**
 * Maps the labels a transcript uses to the talk's speakers: by an explicit
 * --map, by slug, full name or alias (the archive's own resolver), by short
 * name (a first name no other speaker of the talk shares), or as an anonymous
 * voice. A label that maps to none is reported; in strict mode it is an error,
 * otherwise it is kept as written and declared in the talk's `voices`.
 */
import { anonymousVoice, createLabelResolver, labelKey, type SpeakerIdentity } from '../transcript/speaker-labels.ts';
import { ImportError } from './import-error.ts';
import { qaConvention } from './label-text.ts';
import type { SourcePlace } from './model.ts';

export interface LabelMapping {
  /** The label as the source writes it (first spelling seen). */
  label: string;
  /** How many segments carry it. */
  count: number;
  /** First place it occurs. */
  at: SourcePlace;
  /** What the page shows: the speaker's name, or the label as written. */
  output: string;
  /** The speaker's slug, when it maps to one of the talk's speakers. */
  slug?: string;
  how: 'map' | 'slug' | 'name' | 'alias' | 'short name' | 'anonymous' | 'voice' | 'convention' | 'unmapped';
  /** For unmapped labels: why, and what was done. */
  note?: string;
}

/** A speaker of the talk, with the role the talk gives them (`host`, `guest`, `speaker`…), when known. */
export type TalkSpeaker = SpeakerIdentity & { role?: string };

export interface MapOptions {
  /** The talk's speakers. */
  speakers: readonly TalkSpeaker[];
  /** Every speaker in the archive, to say when a label names one not billed on this talk. */
  archive: readonly SpeakerIdentity[];
  /** The talk's declared voices. */
  voices: readonly string[];
  /** --map "Label=slug or anonymous label". */
  explicit: ReadonlyMap<string, string>;
  strict: boolean;
}

/** Maps every label (in order of first appearance); throws in strict mode on the first unmapped one. */
export function mapLabels(labels: readonly { label: string; at: SourcePlace }[], options: MapOptions): Map<string, LabelMapping> {
  const bySlug = new Map(options.speakers.map((speaker) => [speaker.slug, speaker]));
  const resolve = createLabelResolver(options.speakers);
  const resolveAnywhere = createLabelResolver(options.archive);
  const shortNames = shortNameIndex(options.speakers);
  const voiceKeys = new Set(options.voices.map(labelKey));
  const explicit = new Map([...options.explicit].map(([label, target]) => [labelKey(label), target]));
  const mappings = new Map<string, LabelMapping>();

  for (const { label, at } of labels) {
    const key = labelKey(label);
    const known = mappings.get(key);
    if (known) {
      known.count += 1;
      continue;
    }
    const base = { label, count: 1, at };
    const target = explicit.get(key);
    let mapping: LabelMapping;
    if (target !== undefined) {
      const speaker = bySlug.get(target) ?? resolve(target);
      if (speaker) mapping = { ...base, output: speaker.name, slug: speaker.slug, how: 'map' };
      else if (anonymousVoice(target)) mapping = { ...base, output: target, how: 'map' };
      else
        throw new ImportError(
          `--map "${label}=${target}": "${target}" is not one of this talk's speakers (${names(options.speakers)}) nor an anonymous voice such as "Audience member"; add the speaker to the talk first`,
          { exitCode: 2 },
        );
    } else {
      const speaker = resolve(label);
      const short = shortNames.get(key);
      if (speaker) mapping = { ...base, output: speaker.name, slug: speaker.slug, how: howResolved(label, speaker) };
      else if (short) mapping = { ...base, output: short.name, slug: short.slug, how: 'short name' };
      else if (anonymousVoice(label)) mapping = { ...base, output: label, how: 'anonymous' };
      else if (voiceKeys.has(key)) mapping = { ...base, output: label, how: 'voice' };
      else if (qaConvention(label)) mapping = conventionMapping(base, qaConvention(label) as 'question' | 'answer', options.speakers);
      else mapping = unmapped(base, resolveAnywhere(label), options);
    }
    mappings.set(key, mapping);
  }
  return mappings;
}

/** Who asks the questions of an interview: its host or moderator. */
const ASKING = new Set(['host', 'moderator']);
/** Who answers them: the talk's speaker, guest or panellist. */
const ANSWERING = new Set(['speaker', 'guest', 'panelist']);

/**
 * `Q:` is a question from the host (or moderator), or from the audience where the talk has none;
 * `A:` the answer of the talk's one speaker or guest. Where the talk's roles leave it open, the
 * curator says with --map.
 */
function conventionMapping(
  base: { label: string; count: number; at: SourcePlace },
  what: 'question' | 'answer',
  speakers: readonly TalkSpeaker[],
): LabelMapping {
  const candidates = speakers.filter((speaker) => (what === 'question' ? ASKING : ANSWERING).has(speaker.role ?? 'speaker'));
  const [only] = candidates;
  if (candidates.length === 1 && only)
    return {
      ...base,
      output: only.name,
      slug: only.slug,
      how: 'convention',
      note: `${what === 'question' ? 'a question, from the host' : 'the answer'}, by the Q/A convention`,
    };
  if (what === 'question' && candidates.length === 0)
    return { ...base, output: 'Audience member', how: 'convention', note: 'a question, from the audience, by the Q/A convention (the talk has no host)' };
  const who =
    candidates.length === 0
      ? `none of the talk's speakers (${names(speakers)}) is its ${what === 'question' ? 'host' : 'speaker or guest'}`
      : `it could be ${names(candidates)}`;
  throw new ImportError(
    `the label "${base.label}" is the Q/A convention's ${what}, but ${who}; pass --map "${base.label}=<slug>" (or "${base.label}=Audience member")`,
    { place: base.at },
  );
}

function unmapped(base: { label: string; count: number; at: SourcePlace }, elsewhere: SpeakerIdentity | undefined, options: MapOptions): LabelMapping {
  const reason = elsewhere
    ? `is the archive's speaker ${elsewhere.slug} but not one of this talk's speakers`
    : `is none of this talk's speakers (${names(options.speakers)}), their aliases or short names, or an anonymous voice`;
  if (options.strict) {
    const fixes = elsewhere
      ? `pass --map "${base.label}=<slug>" or drop --strict to keep it as a voice`
      : `add the spelling to a speaker's aliases, pass --map "${base.label}=<slug>", or drop --strict to keep it as a voice`;
    throw new ImportError(`the label "${base.label}" ${reason}; in strict mode every label must map (${fixes})`, { place: base.at });
  }
  return { ...base, output: base.label, how: 'unmapped', note: `${reason}; kept as written and added to the talk's voices` };
}

function howResolved(label: string, speaker: SpeakerIdentity): LabelMapping['how'] {
  if (labelKey(label) === labelKey(speaker.name)) return 'name';
  if (labelKey(label) === labelKey(speaker.slug)) return 'slug';
  return 'alias';
}

/** First names that only one of the talk's speakers has: "Bekah" for Bekah Hawrot Weigel. */
function shortNameIndex(speakers: readonly SpeakerIdentity[]): Map<string, SpeakerIdentity> {
  const index = new Map<string, SpeakerIdentity | null>();
  for (const speaker of speakers) {
    const first = speaker.name.split(/\s+/)[0];
    if (first === undefined || first === speaker.name) continue;
    const key = labelKey(first);
    index.set(key, index.has(key) ? null : speaker);
  }
  return new Map([...index].filter((entry): entry is [string, SpeakerIdentity] => entry[1] !== null));
}

function names(speakers: readonly SpeakerIdentity[]): string {
  return speakers.map((speaker) => speaker.name).join(', ') || 'none';
}
