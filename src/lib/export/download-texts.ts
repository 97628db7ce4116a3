import { joinNames } from '../format.ts';
import { talkRecording, type SourceLink } from '../recording/talk-recording.ts';
import { downloadsFor, type TalkDownload } from './download-formats.ts';
import { parseTranscript, type ParsedTranscript } from '../transcript/parse-transcript.ts';
import { talkLabelResolver, type SpeakerIdentity } from '../transcript/speaker-labels.ts';
import { hasTimes } from '../transcript/transcript-cues.ts';
import { transcriptSrt, transcriptText, transcriptWebVtt, type TranscriptFileOptions } from '../transcript/transcript-files.ts';

/** What a talk's downloads are made from: its file, and the entries its labels name. */
export interface DownloadSource {
  id: string;
  /** The talk's content file, as written. */
  fileText: string;
  body: string;
  /** The talk's billed speakers, in billing order. */
  speakers: readonly SpeakerIdentity[];
  voices: readonly string[];
  sources: readonly SourceLink[];
}

/**
 * Every download of a talk with its text: plain text, the Markdown as written, and WebVTT and SubRip
 * where the transcript has times (see downloadsFor). Speakers are named as the talk page names them;
 * the subtitle files' last cue ends where the talk ends in its recording, where a source says.
 */
export function transcriptDownloads(
  source: DownloadSource,
  parsed: ParsedTranscript = parseTranscript(source.body),
): { download: TalkDownload; text: string }[] {
  if (source.body.trim() === '') return [];
  const recording = talkRecording(source.sources);
  const recordingEnd = recording?.end ?? recording?.duration;
  const options: TranscriptFileOptions = {
    resolve: talkLabelResolver(source.speakers, source.voices),
    proseVoice: joinNames(source.speakers.map((speaker) => speaker.name)),
    ...(recordingEnd !== undefined && { recordingEnd }),
  };
  return downloadsFor(source.id, { present: true, timed: hasTimes(parsed) }).map((download) => ({
    download,
    text:
      download.format === 'markdown'
        ? source.fileText
        : download.format === 'webvtt'
          ? transcriptWebVtt(parsed, options)
          : download.format === 'srt'
            ? transcriptSrt(parsed, options)
            : transcriptText(parsed, options),
  }));
}
