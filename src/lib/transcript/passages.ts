import type { ParsedTranscript } from './parse-transcript.ts';
import { replaceNonSpeech } from './non-speech.ts';
import { words } from './words.ts';

/** Who a turn label stands for: an archive speaker (`href` set), a declared voice or the anonymous audience. */
export interface LabelOwner {
  slug: string;
  name: string;
  href?: string;
}

/** Who a talk's labels and prose stand for: what turns a transcript's passages into PassageRefs. */
export interface PassageOwners {
  talkId: string;
  resolve: (label: string) => LabelOwner | undefined;
  /** Speaker slugs of text outside any turn (an essay's or post's authors). */
  proseSpeakers: readonly string[];
  /** The name shown for that text. */
  proseVoice: string;
  /** True when text outside turns was spoken (a talk transcribed without labels), false when written. */
  proseSpoken: boolean;
}

/** One talk's parsed transcript, with what its labels and its prose stand for. */
export interface TranscriptSource extends PassageOwners {
  parsed: ParsedTranscript;
}

/**
 * A passage as the transcript gives it, before its label is resolved to a speaker: what a build
 * can keep from one build to the next for a transcript file that has not changed (plain data).
 */
export interface PassageFact {
  id: string;
  /** The turn's label as written; null for text outside any turn. */
  label: string | null;
  text: string;
  /** Words said, not counting non-speech marks. */
  words: number;
  opensTurn: boolean;
}

/** A passage of a transcript, with who says or wrote it. */
export interface PassageRef {
  talkId: string;
  /** The passage's stable id on the talk page. */
  id: string;
  /** True for speech; false for written text (an essay's or post's prose). */
  spoken: boolean;
  /** Archive speakers it belongs to: the turn's speaker, or the prose's authors. */
  speakers: readonly string[];
  /** The name shown for it. */
  voice: string;
  text: string;
  /** Words said, not counting non-speech marks such as [laughs]. */
  words: number;
  /** True for the first passage of a turn (a turn continued after a heading is not a new turn). */
  opensTurn: boolean;
}

/** Every passage of a transcript in reading order, each with its speaker. */
export function passagesOf(source: TranscriptSource): PassageRef[] {
  return resolvePassages(passageFacts(source.parsed), source);
}

/** The passages of a parsed transcript in reading order, with their labels as written. */
export function passageFacts(parsed: ParsedTranscript): PassageFact[] {
  const facts: PassageFact[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') continue;
    if (block.kind === 'prose') {
      const { passage } = block;
      facts.push({ id: passage.id, label: null, text: passage.text, words: spokenWords(passage.text), opensTurn: false });
      continue;
    }
    block.passages.forEach((passage, index) => {
      facts.push({ id: passage.id, label: block.label, text: passage.text, words: spokenWords(passage.text), opensTurn: index === 0 && !block.continued });
    });
  }
  return facts;
}

/** Passages with their speakers: each label resolved as the talk page resolves it, prose given to its owners. */
export function resolvePassages(facts: readonly PassageFact[], owners: PassageOwners): PassageRef[] {
  const byLabel = new Map<string, { speakers: readonly string[]; voice: string }>();
  return facts.map((fact) => {
    const base = { talkId: owners.talkId, id: fact.id, text: fact.text, words: fact.words, opensTurn: fact.opensTurn };
    if (fact.label === null) return { ...base, spoken: owners.proseSpoken, speakers: owners.proseSpeakers, voice: owners.proseVoice };
    let owner = byLabel.get(fact.label);
    if (!owner) {
      const resolved = owners.resolve(fact.label);
      owner = { speakers: resolved?.href ? [resolved.slug] : [], voice: resolved?.name ?? fact.label };
      byLabel.set(fact.label, owner);
    }
    return { ...base, spoken: true, ...owner };
  });
}

function spokenWords(text: string): number {
  return words(replaceNonSpeech(text, () => ' ')).length;
}

/** How much one person speaks (and writes) across the archive. */
export interface SpeakerActivity {
  turns: number;
  /** Words spoken in their turns. */
  words: number;
  /** Talks in which they have at least one turn, in the order given. */
  talkIds: string[];
  /** Words of texts they wrote or co-wrote (prose outside turns). */
  writtenWords: number;
  writtenTalkIds: string[];
  /** Their passages, spoken first, in reading order. */
  passages: PassageRef[];
}

/** Turns, words and passages per archive speaker, from every transcript. */
export function speakerActivity(passages: readonly PassageRef[]): Map<string, SpeakerActivity> {
  const bySpeaker = new Map<string, SpeakerActivity>();
  for (const passage of passages) {
    for (const speaker of passage.speakers) {
      let activity = bySpeaker.get(speaker);
      if (!activity) {
        activity = { turns: 0, words: 0, talkIds: [], writtenWords: 0, writtenTalkIds: [], passages: [] };
        bySpeaker.set(speaker, activity);
      }
      activity.passages.push(passage);
      if (passage.spoken) {
        if (passage.opensTurn) activity.turns += 1;
        activity.words += passage.words;
        if (!activity.talkIds.includes(passage.talkId)) activity.talkIds.push(passage.talkId);
      } else {
        activity.writtenWords += passage.words;
        if (!activity.writtenTalkIds.includes(passage.talkId)) activity.writtenTalkIds.push(passage.talkId);
      }
    }
  }
  for (const activity of bySpeaker.values()) activity.passages.sort((a, b) => Number(b.spoken) - Number(a.spoken));
  return bySpeaker;
}

/** Passages shorter than this say too little out of context ("Yeah, exactly."). */
const FEATURED_MIN_WORDS = 25;

/**
 * A few of a speaker's passages to show on their page: the longest passage of
 * each talk, one talk after another in the order given, spoken before written.
 */
export function featuredPassages(passages: readonly PassageRef[], limit = 4): PassageRef[] {
  const best = new Map<string, PassageRef>();
  for (const passage of passages) {
    if (passage.words < FEATURED_MIN_WORDS) continue;
    const key = `${passage.talkId}\u0000${passage.spoken}`;
    const current = best.get(key);
    if (!current || passage.words > current.words) best.set(key, passage);
  }
  return [...best.values()].slice(0, limit);
}

/** The first `count` words of a text, with an ellipsis when it goes on. */
export function excerpt(text: string, count = 40): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= count ? parts.join(' ') : `${parts.slice(0, count).join(' ')}…`;
}

/** A passage that mentions a phrase, with the words around the mention and the mention apart. */
export interface Mention extends PassageRef {
  excerpt: { before: string; match: string; after: string };
}

/** Where a talk's passages first mention a phrase: the passage (its index among them) and the words. */
export interface TalkMention {
  passage: number;
  start: number;
  end: number;
}

/**
 * Finds where one talk's passages (in its reading order) first mention the phrase squashed as
 * mentionTarget gives it; null when none does. Given to passagesMentioning to keep answers between
 * builds: the answer depends only on the passages' words and the phrase.
 */
export type MentionFinder = (talkId: string, target: string, passages: readonly PassageRef[]) => TalkMention | null;

/** The phrase as passages are searched for it; undefined for one too short to search for. */
function mentionTarget(phrase: string): string | undefined {
  const target = squash(phrase).replace(/s$/, '');
  return target.length < 3 ? undefined : target;
}

/** Where the passages first mention `target` (see MentionFinder). */
export function firstMention(target: string, passages: readonly PassageRef[]): TalkMention | null {
  for (const [index, passage] of passages.entries()) {
    if (!squashedText(passage).includes(target)) continue;
    const at = mentionAt(passage.text.trim().split(/\s+/), target);
    if (at) return { passage: index, ...at };
  }
  return null;
}

/** The finder that keeps nothing: it searches the run each time. */
const searchRun: MentionFinder = (_, target, run) => firstMention(target, run);

/**
 * Passages that mention `phrase`, at most one per talk and `limit` in all, in
 * the order given. Matching ignores case, spaces and hyphens ("in-context
 * learning" finds "in context learning", "finetuning" finds "fine-tuning") and
 * lets the last word run on ("evaluation" finds "evaluations"), as search does.
 * Each talk's passages are searched as a run (the passages given are a talk's
 * after another's), by `findMention` when given.
 */
export function passagesMentioning(
  phrase: string,
  passages: readonly PassageRef[],
  { limit = 5, excludeTalkIds = [] as readonly string[], findMention = searchRun } = {},
): Mention[] {
  const target = mentionTarget(phrase);
  if (target === undefined) return [];
  const found: Mention[] = [];
  const talks = new Set<string>();
  for (const run of talkRuns(passages)) {
    if (found.length >= limit) break;
    const talkId = run[0]!.talkId;
    if (talks.has(talkId) || excludeTalkIds.includes(talkId)) continue;
    const mention = findMention(talkId, target, run);
    if (!mention) continue;
    const passage = run[mention.passage]!;
    talks.add(talkId);
    found.push({ ...passage, excerpt: around(passage.text.trim().split(/\s+/), mention) });
  }
  return found;
}

/** The passages in runs of one talk each, in the order given. */
function* talkRuns(passages: readonly PassageRef[]): Generator<readonly PassageRef[]> {
  let start = 0;
  for (let index = 1; index <= passages.length; index += 1) {
    if (index < passages.length && passages[index]!.talkId === passages[start]!.talkId) continue;
    yield passages.slice(start, index);
    start = index;
  }
}

const squashedTexts = new WeakMap<PassageRef, string>();

/**
 * The passage's words squashed and run together, kept for the passage's life: every topic page looks
 * for its title in every passage, and a passage whose squashed text lacks the title cannot mention it.
 */
function squashedText(passage: PassageRef): string {
  let squashed = squashedTexts.get(passage);
  if (squashed === undefined) {
    // Squashing the whole text at once equals squashing each word and joining them (spaces go either way).
    squashed = squash(passage.text);
    squashedTexts.set(passage, squashed);
  }
  return squashed;
}

// eslint-disable-next-line no-control-regex -- any ASCII character, controls included
const ASCII_TEXT = /^[\x00-\x7f’]*$/;

/**
 * The text's letters and digits, lower-cased and without accents, run together. Text of ASCII (and
 * curly apostrophes, which go either way), as most transcripts are, takes a shorter way to the same
 * result: it has nothing to decompose, and its letters and digits are a to z and 0 to 9.
 */
export function squash(text: string): string {
  if (ASCII_TEXT.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words (start inclusive, end exclusive) where the squashed target starts, if anywhere. */
function mentionAt(tokens: readonly string[], target: string): { start: number; end: number } | undefined {
  const squashed = tokens.map(squash);
  for (let start = 0; start < tokens.length; start += 1) {
    const first = squashed[start] ?? '';
    if (first === '' || !target.startsWith(first.slice(0, target.length))) continue;
    let joined = '';
    let end = start;
    while (end < tokens.length && joined.length < target.length) joined += squashed[end++];
    if (joined.startsWith(target)) return { start, end };
  }
  return undefined;
}

const BEFORE = 12;
const AFTER = 26;

function around(tokens: readonly string[], { start, end }: { start: number; end: number }): Mention['excerpt'] {
  const from = Math.max(0, start - BEFORE);
  const to = Math.min(tokens.length, end + AFTER);
  return {
    before: `${from > 0 ? '…' : ''}${tokens.slice(from, start).join(' ')}${start > from ? ' ' : ''}`,
    match: tokens.slice(start, end).join(' '),
    after: `${to > end ? ' ' : ''}${tokens.slice(end, to).join(' ')}${to < tokens.length ? '…' : ''}`,
  };
}
