import { momentUrl, type Recording } from '../recording/talk-recording.ts';
import type { ParsedTranscript } from './parse-transcript.ts';
import { renderTranscript, type ResolvedSpeaker } from './render-transcript.ts';
import { talkLabelResolver } from './speaker-labels.ts';
import { tableOfContents, type TocItem } from './table-of-contents.ts';

/** A speaker billed for a talk, as its transcript's labels resolve to them. */
export interface BilledSpeaker {
  slug: string;
  name: string;
  aliases: readonly string[];
  /** The speaker's page. */
  href: string;
  role: string;
}

/**
 * What a talk page's transcript needs of its entry, as plain data: the parts below may be worked out
 * in another thread than the page's (src/lib/transcript/transcript-pool.ts).
 */
export interface TranscriptPageInput {
  speakers: readonly BilledSpeaker[];
  /** Voices the talk declares beside its speakers. */
  voices: readonly string[];
  /** Who speaks text outside any turn: an essay's authors. */
  proseVoice: string;
  recording: Recording | undefined;
  wordCount: number;
}

/** The transcript's parts of a talk page. */
export interface TranscriptPageParts {
  transcriptHtml: string;
  toc: TocItem[];
  /** Names shown for each turn label, for the table of contents. */
  labelNames: Map<string, string>;
}

/** The rendered transcript, its contents and the names its labels stand for. */
export function transcriptPageParts(parsed: ParsedTranscript, input: TranscriptPageInput): TranscriptPageParts {
  const resolve = speakerResolver(input);
  const labelNames = new Map<string, string>();
  const { recording } = input;
  const transcriptHtml = renderTranscript(
    parsed,
    (label) => {
      const speaker = resolve(label);
      if (speaker) labelNames.set(label, speaker.name);
      return speaker;
    },
    { proseVoice: input.proseVoice, ...(recording && { moment: (seconds: number) => momentUrl(recording, seconds) }) },
  );
  return { transcriptHtml, toc: tableOfContents(parsed, input.wordCount, asksQuestions(input, resolve)), labelNames };
}

/**
 * Who a transcript label stands for in this talk: a billed speaker (linked),
 * a declared voice, or the anonymous audience (unlinked, named as written).
 */
export function speakerResolver(input: Pick<TranscriptPageInput, 'speakers' | 'voices'>): (label: string) => ResolvedSpeaker | undefined {
  const speakers = input.speakers.map(({ slug, name, aliases, href }) => ({ slug, name, aliases, href }));
  return talkLabelResolver(speakers, input.voices);
}

/**
 * Whether a turn's speaker is one who asks the questions: a host or moderator, or anyone the talk does
 * not bill as speaking (the audience, a session chair), whose turns in a talk are mostly questions.
 */
function asksQuestions(input: TranscriptPageInput, resolve: (label: string) => ResolvedSpeaker | undefined): (label: string) => boolean {
  const roles = new Map(input.speakers.map(({ slug, role }) => [slug, role]));
  return (label) => {
    const role = roles.get(resolve(label)?.slug ?? '');
    return role === undefined || role === 'host' || role === 'moderator';
  };
}
