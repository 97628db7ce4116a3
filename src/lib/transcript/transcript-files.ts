import { footnotesPlainText } from './plain-text.ts';
import type { ParsedTranscript } from './parse-transcript.ts';
import type { ResolvedSpeaker } from './render-transcript.ts';
import { ESTIMATED_START_NOTE, transcriptCues, transcriptItems, type Cue } from './transcript-cues.ts';

/**
 * A talk's transcript as files to download: plain text, WebVTT and SubRip.
 * Each reads back through the archive's importer to the same turns and words
 * (tests/unit/import/downloads-round-trip.test.ts). The Markdown download is the
 * talk's content file itself and needs nothing here.
 */
export interface TranscriptFileOptions {
  /** Who a turn label names, as the talk page shows them (speakerResolver). */
  resolve: (label: string) => ResolvedSpeaker | undefined;
  /** Who speaks text outside any turn (an essay's authors; the talk page's prose voice); empty for nobody. */
  proseVoice: string;
  /** The recording's end in seconds, when known: the last cue ends there. */
  recordingEnd?: number;
}

/**
 * `Speaker: text` paragraphs, the label on the first paragraph of each turn
 * only; text outside any turn as plain paragraphs. Chapter headings keep their
 * Markdown `## ` so that an importer takes them for chapters, not speech. Footnotes follow the
 * text after a `---` line, each as `[1] text`, where the text has `[1]`.
 * Timestamps are left out: the subtitle files carry them.
 */
export function transcriptText(parsed: ParsedTranscript, options: TranscriptFileOptions): string {
  const paragraphs = transcriptItems(parsed, options.resolve).map((item) => {
    if (item.kind === 'heading') return `${'#'.repeat(item.depth)} ${item.text}`;
    return item.opensTurn ? `${item.speaker}: ${item.text}` : item.text;
  });
  const notes = footnotesPlainText(parsed.footnoteTokens);
  return `${[...paragraphs, ...(notes.length > 0 ? ['---', ...notes] : [])].join('\n\n')}\n`;
}

/**
 * WebVTT: a cue per timed paragraph (see transcriptCues), its passage id as the
 * cue's identifier, each paragraph on a line of its own in its speaker's `<v>`
 * span (text outside turns in the prose voice's); chapter titles as `NOTE`
 * blocks before the cue they begin in, footnotes as `NOTE` blocks at the end.
 * `&`, `<` and `>` in cue text are written as character references, so no
 * text can read as a tag or as a `-->` (which a NOTE cannot hold either).
 * A cue whose start the transcript marks as estimated follows a NOTE that
 * says so (ESTIMATED_START_NOTE), which the importer reads back.
 */
export function transcriptWebVtt(parsed: ParsedTranscript, options: TranscriptFileOptions): string {
  const { cues, trailing } = transcriptCues(transcriptItems(parsed, options.resolve), options.recordingEnd);
  const note = (text: string) => `NOTE ${text.replaceAll('-->', '-- >')}`;
  const chapter = (title: string) => note(`Chapter: ${title}`);
  const blocks = cues.flatMap((cue) => [
    ...cue.chapters.map(chapter),
    ...(cue.estimated ? [`${ESTIMATED_START_NOTE}: the next cue's time is estimated from the words' position, not given by the source`] : []),
    [
      cue.paragraphs[0]?.id ?? '',
      `${clock(cue.start, '.')} --> ${clock(cue.end, '.')}`,
      ...cue.paragraphs.map((paragraph) => {
        const voice = paragraph.speaker ?? options.proseVoice;
        return voice ? `<v ${escapeVtt(voice)}>${escapeVtt(paragraph.text)}</v>` : escapeVtt(paragraph.text);
      }),
    ].join('\n'),
  ]);
  const notes = footnotesPlainText(parsed.footnoteTokens).map(note);
  return `${['WEBVTT', ...blocks, ...trailing.map(chapter), ...notes].join('\n\n')}\n`;
}

/**
 * SubRip: the same cues, numbered from 1, times as `00:00:04,000`; `Speaker: `
 * opens the line of each turn's first paragraph, as SubRip has no voices.
 * SubRip has no escapes and no comments: text is as written, and chapters,
 * footnotes and which starts are estimated are left to the other files (a
 * reference stays as `[1]`).
 */
export function transcriptSrt(parsed: ParsedTranscript, options: TranscriptFileOptions): string {
  const { cues } = transcriptCues(transcriptItems(parsed, options.resolve), options.recordingEnd);
  return cues.map((cue, index) => [String(index + 1), `${clock(cue.start, ',')} --> ${clock(cue.end, ',')}`, ...srtLines(cue)].join('\n')).join('\n\n') + '\n';
}

function srtLines(cue: Cue): string[] {
  return cue.paragraphs.map((paragraph) => (paragraph.opensTurn ? `${paragraph.speaker}: ${paragraph.text}` : paragraph.text));
}

function escapeVtt(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** `00:01:02.500` (WebVTT) or `00:01:02,500` (SubRip). */
function clock(seconds: number, separator: '.' | ','): string {
  const total = Math.round(seconds * 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}${separator}${pad(total % 1000, 3)}`;
}
