/**
 * One transcript for one talk: labels mapped, unlabelled text attributed,
 * segments laid out as turns and paragraphs, written in the archive's
 * convention and audited against the source.
 */
import { createLabelResolver, labelKey, type SpeakerIdentity } from '../transcript/speaker-labels.ts';
import { auditOutput, auditTextLabels, type WordAudit } from './audit.ts';
import { layOut, type Attributed, type Block } from './lay-out.ts';
import { mapLabels, type LabelMapping, type TalkSpeaker } from './map-labels.ts';
import type { Chapter, Layout, Segment } from './model.ts';
import { placeLabel } from './import-error.ts';
import { timeSegments } from './timing.ts';
import { writeTranscript } from './write-transcript.ts';

/** What unlabelled text becomes: the previous speaker's, an unattributed voice's, or the audience's. */
export const UNLABELLED = ['continue', 'unattributed', 'audience'] as const;
export type Unlabelled = (typeof UNLABELLED)[number];

export interface TranscriptTarget {
  speakers: readonly TalkSpeaker[];
  voices: readonly string[];
}

export interface TranscriptSettings {
  archive: readonly SpeakerIdentity[];
  explicit: ReadonlyMap<string, string>;
  strict: boolean;
  unlabelled: Unlabelled;
}

export interface TranscriptInput {
  segments: readonly Segment[];
  chapters: readonly Chapter[];
  layout: Layout;
  markup: 'plain' | 'markdown';
  /** Where the recording ends, in seconds, when the source says: the last paragraph's time runs to it. */
  recordingEnd?: number;
}

export interface TranscriptResult {
  body: string;
  blocks: Block[];
  mappings: LabelMapping[];
  /** Labels kept as written that the talk must declare in `voices`. */
  voices: string[];
  audit: WordAudit;
  /** What happened to unlabelled text, when that needed a choice. */
  unlabelledNote?: string;
  /** How many unnamed changes of speaker (`>>`) started a turn. */
  speakerChangeNote?: string;
  /** First and last timestamps written, in seconds. */
  span?: [number, number];
}

const UNATTRIBUTED = 'Unknown speaker';
const AUDIENCE = 'Audience member';

export function buildTranscript(input: TranscriptInput, target: TranscriptTarget, settings: TranscriptSettings): TranscriptResult {
  const mapped = mapSegmentLabels(input.segments, target, settings);
  const sole = target.speakers.length === 1 ? target.speakers[0]?.name : undefined;
  const timed = timeSegments(input.segments, input.markup, input.recordingEnd);
  const { attributed, unlabelledCount, leading, leadingAt, speakerChanges } = attributeSegments(timed, mapped, settings.unlabelled, sole);

  const blocks = layOut(attributed, input.chapters, input.layout);
  const body = writeTranscript(blocks, input.markup);
  const audit = auditOutput(
    attributed.map(({ segment }) => segment),
    input.markup,
    input.layout,
    blocks,
    body,
    { isKnownLabel: knownLabels(target, settings, mapped) },
  );
  const mappings = [...mapped.values()];
  return {
    body,
    blocks,
    mappings,
    voices: mappings.filter((mapping) => mapping.how === 'unmapped' || mapping.how === 'voice').map((mapping) => mapping.output),
    audit,
    ...(unlabelledNoteFor(settings.unlabelled, unlabelledCount, leading, leadingAt, sole) ?? {}),
    ...(speakerChanges > 0 && {
      speakerChangeNote: `${speakerChanges} change(s) of speaker marked ">>" without a name, each written as a turn of "${settings.unlabelled === 'audience' ? AUDIENCE : UNATTRIBUTED}"`,
    }),
    ...spanOf(blocks),
  };
}

/** Each label of the source mapped to a speaker of the talk, a voice or a label kept as written; a label found in running text must name someone. */
function mapSegmentLabels(segments: readonly Segment[], target: TranscriptTarget, settings: TranscriptSettings): Map<string, LabelMapping> {
  const labelled = segments.flatMap((segment) => (segment.label === undefined ? [] : [{ label: segment.label, at: segment.at }]));
  const mapped = mapLabels(labelled, {
    speakers: target.speakers,
    archive: settings.archive,
    voices: target.voices,
    explicit: settings.explicit,
    strict: settings.strict,
  });
  auditTextLabels(segments, mapped);
  return mapped;
}

/** Who says each segment, and how many segments had no label, came before the first label, or opened an unnamed turn (`>>`). */
interface Attribution {
  attributed: Attributed[];
  unlabelledCount: number;
  leading: number;
  leadingAt: Segment['at'] | undefined;
  speakerChanges: number;
}

/**
 * A labelled segment is its label's; an unnamed change of speaker (`>>`) and unlabelled text go as
 * `--unlabelled` says (by default, to the speaker before, or before the first label to the talk's only speaker).
 */
function attributeSegments(
  segments: readonly Segment[],
  mapped: ReadonlyMap<string, LabelMapping>,
  unlabelled: Unlabelled,
  sole: string | undefined,
): Attribution {
  let current: string | undefined;
  let leading = 0;
  let leadingAt: Segment['at'] | undefined;
  let unlabelledCount = 0;
  let speakerChanges = 0;
  const attributed: Attributed[] = segments.map((segment) => {
    if (segment.label !== undefined) {
      current = (mapped.get(labelKey(segment.label)) as LabelMapping).output;
      return { speaker: current, segment };
    }
    if (segment.newTurn) {
      // Someone else speaks, the source does not say who: not the speaker before.
      speakerChanges += 1;
      current = unlabelled === 'audience' ? AUDIENCE : UNATTRIBUTED;
      return { speaker: current, segment };
    }
    unlabelledCount += 1;
    if (unlabelled === 'unattributed') return { speaker: UNATTRIBUTED, segment };
    if (unlabelled === 'audience') return { speaker: AUDIENCE, segment };
    if (current === undefined) {
      leading += 1;
      leadingAt ??= segment.at;
      return { speaker: sole ?? UNATTRIBUTED, segment };
    }
    return { speaker: current, segment };
  });
  return { attributed, unlabelledCount, leading, leadingAt, speakerChanges };
}

/** The first and last timestamps written, if any. */
function spanOf(blocks: readonly Block[]): { span?: [number, number] } {
  const starts = blocks.flatMap((block) =>
    block.kind === 'turn' ? block.paragraphs.flatMap((paragraph) => (paragraph.start === undefined ? [] : [paragraph.start])) : [],
  );
  return starts.length > 0 ? { span: [Math.min(...starts), Math.max(...starts)] } : {};
}

/** Labels that name someone of this talk: its speakers by name, slug, alias or first name, its voices, and the labels mapped. */
function knownLabels(target: TranscriptTarget, settings: TranscriptSettings, mapped: ReadonlyMap<string, LabelMapping>): (label: string) => boolean {
  const resolve = createLabelResolver(target.speakers);
  const keys = new Set([...target.speakers.map((speaker) => speaker.name.split(/\s+/)[0] ?? ''), ...target.voices, ...settings.explicit.keys()].map(labelKey));
  return (label) => resolve(label) !== undefined || keys.has(labelKey(label)) || mapped.has(labelKey(label));
}

function unlabelledNoteFor(
  mode: Unlabelled,
  count: number,
  leading: number,
  at: Segment['at'] | undefined,
  sole: string | undefined,
): { unlabelledNote: string } | undefined {
  if (count === 0) return undefined;
  if (mode === 'unattributed') return { unlabelledNote: `${count} unlabelled paragraph(s) or cue(s) written as "${UNATTRIBUTED}"` };
  if (mode === 'audience') return { unlabelledNote: `${count} unlabelled paragraph(s) or cue(s) written as "${AUDIENCE}"` };
  if (leading === 0) return { unlabelledNote: `${count} unlabelled paragraph(s) or cue(s) continue the speaker before them` };
  const who = sole ? `${sole}, the talk's only speaker` : `"${UNATTRIBUTED}" (the talk has several speakers; use --map or --unlabelled to choose)`;
  return {
    unlabelledNote: `${leading} unlabelled paragraph(s) or cue(s) before the first label (from ${placeLabel(at)}) are attributed to ${who}; ${count - leading} later ones continue the speaker before them`,
  };
}
