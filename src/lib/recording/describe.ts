import { formatClock } from '../transcript/timestamp.ts';
import { talkLength, type Recording } from './talk-recording.ts';

/** Where the recording plays from, as a reader would say it. */
export function recordingHost(recording: Recording): string {
  if (recording.kind === 'youtube') return 'YouTube';
  return `${recording.kind === 'audio' ? 'audio' : 'video'} from ${new URL(recording.url).hostname}`;
}

/** The talk's length in the recording ("38:30"), when a source gives it. */
export function lengthLabel(recording: Recording): string | undefined {
  const length = talkLength(recording);
  return length === undefined ? undefined : formatClock(length);
}

/**
 * Where the talk lies in a longer recording ("1:00:31 to 1:07:56 of a 1:16:45 recording"), for a
 * talk cut from one; undefined for a talk that is the whole recording.
 */
export function partLabel(recording: Recording): string | undefined {
  if (recording.start === 0 && recording.end === undefined) return undefined;
  const to = recording.end === undefined ? '' : ` to ${formatClock(recording.end)}`;
  const of = recording.duration === undefined ? 'a longer recording' : `a ${formatClock(recording.duration)} recording`;
  return `${formatClock(recording.start)}${to} of ${of}`;
}
