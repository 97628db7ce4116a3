import type { ParsedTranscript, Passage, Turn } from './parse-transcript.ts';
import type { Timestamp } from './timestamp.ts';
import { words } from './words.ts';

/** A place in a transcript without chapters where the contents can send a reader. */
export interface SubjectEntry {
  /** The turn's id where the place opens a turn (its speaker then shows), else the paragraph's. */
  id: string;
  /** The opening words of what is said there, fillers and sounds left out. */
  label: string;
  /** Who speaks, for a place that opens a turn. */
  speakerLabel?: string;
  timestamp?: Timestamp;
}

interface Unit {
  passage: Passage;
  turn: Turn | undefined;
  opensTurn: boolean;
  /** Words of the transcript before this paragraph. */
  at: number;
  words: string[];
}

/** Words that say nothing of a subject: they do not count when comparing what is said before and after a place. */
const STOPWORDS = new Set(
  `a about above after again all also am an and any are aren't as at be because been before being below between both but by can can't could couldn't did
  didn't do does doesn't doing don't down during each even few for from further get gets getting go going gonna got had hadn't has hasn't have haven't
  having he he's her here here's hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just kind know let let's
  like lot lots maybe me mean more most much must my myself no nor not now of off okay ok on once one only or other our ours ourselves out over own
  pretty quite really right said same say says see she should so some something sort still such than that that's the their theirs them themselves
  then there there's these they they'd they'll they're they've thing things think this those though through to too uh um under until up us very
  want was wasn't way we we'd we'll we're we've well were weren't what what's when where which while who whom why will with won't would wouldn't
  yeah yes yep you you'd you'll you're you've your yours yourself actually basically guess gonna okay sure also just`.split(/\s+/),
);

/** Words a turn may open with before it says anything: "yeah ok so what…" is listed as "what…". */
const FILLERS = new Set('yeah yep yes ok okay so right well um uh and but sure great cool thanks mm hmm alright oh'.split(' '));
const FILLER_PAIRS = new Set(['got it', 'i see', 'thank you', 'i mean', 'you know', 'all right']);

/** How many words of each side of a place are compared. */
const WINDOW = 350;
/** A paragraph shorter than this is not a place to send anyone ("Yeah.", "Got it."). */
const MIN_WORDS = 8;
const LABEL_WORDS = 12;

/**
 * The contents of a long transcript without chapters: the places where it turns to a new subject. Every
 * paragraph of some length is a candidate; it scores by how little the words of what follows it share with
 * the words of what came before (lexical cohesion, as TextTiling measures it), and more when it opens a
 * turn of someone who asks the questions (a host, the audience: `asks(label)`), since a new question is
 * the usual start of a new subject. The best places, spaced apart, are listed in reading order, the
 * transcript's opening first; each with its time where the transcript gives one.
 */
export function contentsBySubject(parsed: ParsedTranscript, wordCount: number, asks: (label: string) => boolean): SubjectEntry[] {
  const units = unitsOf(parsed);
  if (units.length === 0) return [];
  const wanted = Math.max(6, Math.min(12, Math.round(wordCount / 2400)));
  const gap = wordCount / (wanted * 1.6);
  const content = contentIds(units.map((unit) => unit.words.map(stem).filter((word) => !STOPWORDS.has(word) && word.length > 2)));
  const scored = units.flatMap((unit, index) => {
    if (index === 0 || unit.words.length < MIN_WORDS) return [];
    const question = unit.opensTurn && unit.turn !== undefined && asks(unit.turn.label);
    const bonus = question ? 0.35 : unit.opensTurn ? 0.1 : 0;
    return [{ index, score: novelty(content, index) + bonus }];
  });
  const chosen = [0];
  for (const { index } of scored.sort((a, b) => b.score - a.score)) {
    if (chosen.length >= wanted) break;
    const at = (units[index] as Unit).at;
    if (chosen.every((other) => Math.abs((units[other] as Unit).at - at) >= gap)) chosen.push(index);
  }
  return chosen.sort((a, b) => a - b).map((index) => entryFor(units[index] as Unit, index === 0));
}

function unitsOf(parsed: ParsedTranscript): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  const add = (passage: Passage, turn: Turn | undefined, opensTurn: boolean) => {
    const spoken = words(withoutSounds(passage.text)).map((word) => word.toLowerCase().replaceAll('’', "'"));
    units.push({ passage, turn, opensTurn, at, words: spoken });
    at += spoken.length;
  };
  for (const block of parsed.blocks) {
    if (block.kind === 'prose') add(block.passage, undefined, false);
    else if (block.kind === 'turn') block.passages.forEach((passage, index) => add(passage, block, index === 0 && !block.continued));
  }
  return units;
}

/**
 * Each unit's content words as numbers, one per distinct word of the transcript, with a count per
 * number to fill and empty for each window. (Counting into maps of strings for two windows of every
 * paragraph took seconds over a thousand transcripts.)
 */
interface ContentIds {
  units: Int32Array[];
  before: Int32Array;
  after: Int32Array;
}

function contentIds(content: readonly string[][]): ContentIds {
  const numbers = new Map<string, number>();
  const units = content.map((words) =>
    Int32Array.from(words, (word) => {
      let id = numbers.get(word);
      if (id === undefined) numbers.set(word, (id = numbers.size));
      return id;
    }),
  );
  return { units, before: new Int32Array(numbers.size), after: new Int32Array(numbers.size) };
}

/** One minus the cosine similarity of the words in the windows before and after the unit at `index`. */
function novelty(content: ContentIds, index: number): number {
  const before = window(content.units, index, -1, content.before);
  const after = window(content.units, index, 1, content.after);
  let dot = 0;
  for (const id of after) dot += (content.after[id] as number) * (content.before[id] as number);
  const norm = (ids: readonly number[], counts: Int32Array) => Math.sqrt(ids.reduce((sum, id) => sum + (counts[id] as number) ** 2, 0));
  const denominator = norm(before, content.before) * norm(after, content.after);
  for (const id of before) content.before[id] = 0;
  for (const id of after) content.after[id] = 0;
  return denominator === 0 ? 0 : 1 - dot / denominator;
}

/**
 * Counts into `counts` the words of up to WINDOW words before the unit (direction -1) or from it on (1);
 * returns the words counted, each once, in the order first met.
 */
function window(units: readonly Int32Array[], index: number, direction: 1 | -1, counts: Int32Array): number[] {
  const met: number[] = [];
  let taken = 0;
  for (let at = direction === 1 ? index : index - 1; at >= 0 && at < units.length && taken < WINDOW; at += direction) {
    const unit = units[at] as Int32Array;
    for (const id of unit) if ((counts[id] = (counts[id] as number) + 1) === 1) met.push(id);
    taken += unit.length;
  }
  return met;
}

/** A crude stem, so that "models" and "model" count as one word. */
function stem(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The text without the sounds and gaps a caption notes: "[Inaudible]", "(laughs)". */
function withoutSounds(text: string): string {
  return text.replace(/\[[^\]]*\]|\((?:inaudible|crosstalk|laughs?|laughter|applause|music)[^)]*\)/gi, ' ');
}

function entryFor(unit: Unit, opening: boolean): SubjectEntry {
  const label = labelFor(withoutSounds(unit.passage.text).replace(/\s+/g, ' ').trim(), opening);
  const timestamp = unit.passage.timestamp ?? (unit.opensTurn ? unit.turn?.timestamp : undefined);
  return {
    id: unit.opensTurn && unit.turn ? unit.turn.id : unit.passage.id,
    label: label.charAt(0).toUpperCase() + label.slice(1),
    ...(unit.opensTurn && unit.turn && { speakerLabel: unit.turn.label }),
    ...(timestamp && { timestamp }),
  };
}

const WORD_AT = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * What an entry says, in the transcript's own words and punctuation: the first question it asks, where
 * its text has question marks; else its opening words, after the fillers a reply opens with ("yeah ok
 * so …"), which the transcript's opening keeps.
 */
function labelFor(text: string, opening: boolean): string {
  const question = opening ? undefined : text.split(/(?<=[.!?])\s+/).find((sentence) => sentence.endsWith('?') && sentence.split(' ').length >= 4);
  const source = question ?? text;
  const found = [...source.matchAll(WORD_AT)];
  const lower = found.map((match) => match[0].toLowerCase());
  let first = 0;
  while (!opening) {
    if (first < found.length - 4 && FILLER_PAIRS.has(`${lower[first]} ${lower[first + 1]}`)) first += 2;
    else if (first < found.length - 3 && FILLERS.has(lower[first] as string)) first += 1;
    else break;
  }
  const last = found[Math.min(found.length, first + LABEL_WORDS) - 1];
  const from = found[first]?.index ?? 0;
  if (!last) return source;
  const cut = last.index + last[0].length;
  const rest = source.slice(cut);
  return cut >= source.length || /^[?.!]?$/.test(rest.trim()) ? source.slice(from) : `${source.slice(from, cut).replace(/[,;:]$/, '')}…`;
}
