import { z } from 'zod';
import { PLAYABLE_EXTENSIONS, RECORDING_KINDS, recogniseRecording } from '../lib/recording/recognise.ts';
import { parseClock } from '../lib/transcript/timestamp.ts';
import { clockTime, link } from './common.ts';

/**
 * Where a talk's original lives, and, for its recording, what the player needs. The page
 * recognises a recording from its address (YouTube, or an audio or video file); `recording`
 * says so where the address cannot.
 */
export const talkSource = link
  .extend({
    /** What the recording is, where its address does not say: a podcast file served without an extension. */
    recording: z.enum(RECORDING_KINDS).optional(),
    /** Length of the whole recording, as its source gives it ("38:30", "1:16:45"). */
    duration: clockTime.optional(),
    /** Where this talk starts in the recording, when it is one part of a longer one (a session of lightning talks). */
    start: clockTime.optional(),
    /** Where this talk ends in the recording. */
    end: clockTime.optional(),
  })
  .superRefine((source, context) => {
    const timed = (['duration', 'start', 'end'] as const).filter((key) => source[key] !== undefined);
    if (source.recording === undefined && timed.length === 0) return;
    if (!recogniseRecording(source.url, source.recording)) {
      const message =
        source.recording === 'youtube'
          ? "expected a YouTube address with the video's id, such as https://www.youtube.com/watch?v=BtnvfVc8z8o"
          : source.recording !== undefined
            ? `a YouTube address plays as a YouTube video; write recording: youtube, or remove the recording field`
            : `only a recording has a ${timed[0]}, and this address is not one the player knows (a YouTube video, or a file ending ${PLAYABLE_EXTENSIONS.join(', ')}); if it is an audio or video file, add recording: audio or recording: video`;
      context.addIssue({ code: 'custom', path: [source.recording === undefined ? (timed[0] as string) : 'recording'], message });
      return;
    }
    const [start, end, duration] = [source.start, source.end, source.duration].map((value) =>
      value === undefined ? undefined : (parseClock(value) as number),
    );
    if (start !== undefined && end !== undefined && end <= start)
      context.addIssue({ code: 'custom', path: ['end'], message: `the talk must end after it starts (start: "${source.start}")` });
    if (duration !== undefined && end !== undefined && end > duration)
      context.addIssue({ code: 'custom', path: ['end'], message: `is after the end of the recording (duration: "${source.duration}")` });
    if (duration !== undefined && start !== undefined && start >= duration)
      context.addIssue({ code: 'custom', path: ['start'], message: `is after the end of the recording (duration: "${source.duration}")` });
  });
