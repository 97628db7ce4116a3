import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { joinNames } from '../lib/format.ts';
import { talkRecording } from '../lib/recording/recording.ts';
import { downloadsFor, type DownloadFormat, type TalkDownload } from '../lib/talk-downloads.ts';
import { transcriptSummary } from './transcript-facts.ts';
import { transcriptSrt, transcriptText, transcriptWebVtt, type TranscriptFileOptions } from '../lib/transcript/transcript-files.ts';
import type { Talk } from './archive.ts';
import { speakerResolver } from './talk-page.ts';
import { transcriptBeside } from './transcripts.ts';

/** The talk's transcript downloads (see downloadsFor). */
export function talkDownloads(talk: Talk): TalkDownload[] {
  if (!talk.hasTranscript) return [];
  return downloadsFor(talk.id, { present: true, timed: transcriptSummary(talk).timed });
}

/**
 * What a download holds. Markdown is the talk's content file as written, front
 * matter and all; the others are made from the parsed transcript, with the
 * speakers named as the talk page names them. The subtitle files' last cue ends
 * where the talk ends in its recording, where a source says; else at an estimate.
 */
export function downloadText(talk: Talk, format: DownloadFormat): string {
  if (format === 'markdown') return talk.filePath === undefined ? talk.body : readFileSync(resolve(talk.filePath), 'utf8');
  const recording = talkRecording(talk.data.sources);
  const recordingEnd = recording?.end ?? recording?.duration;
  const options: TranscriptFileOptions = {
    resolve: speakerResolver(talk),
    proseVoice: joinNames(talk.speakers.map(({ speaker }) => speaker.data.name)),
    ...(recordingEnd !== undefined && { recordingEnd }),
  };
  const parsed = transcriptBeside(talk);
  if (format === 'webvtt') return transcriptWebVtt(parsed, options);
  if (format === 'srt') return transcriptSrt(parsed, options);
  return transcriptText(parsed, options);
}
