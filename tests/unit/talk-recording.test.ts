import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { recogniseRecording } from '../../src/lib/recording/recognise.ts';
import { embedUrl, momentUrl, startInAddress, talkEmbedUrl, talkLength, talkRecording } from '../../src/lib/recording/talk-recording.ts';

describe('recogniseRecording', () => {
  it('knows YouTube videos by every common form of address', () => {
    for (const address of [
      'https://www.youtube.com/watch?v=BtnvfVc8z8o',
      'https://youtube.com/watch?feature=share&v=BtnvfVc8z8o&t=30s',
      'https://m.youtube.com/watch?v=BtnvfVc8z8o',
      'https://youtu.be/BtnvfVc8z8o?t=12',
      'https://www.youtube.com/embed/BtnvfVc8z8o',
      'https://www.youtube-nocookie.com/embed/BtnvfVc8z8o?start=5',
      'https://www.youtube.com/live/BtnvfVc8z8o',
      'https://www.youtube.com/shorts/BtnvfVc8z8o',
    ]) {
      expect(recogniseRecording(address), address).toEqual({ kind: 'youtube', videoId: 'BtnvfVc8z8o' });
    }
  });

  it('knows audio and video files by their extension, whatever the case or query', () => {
    for (const extension of ['mp3', 'm4a', 'ogg', 'opus', 'MP3'])
      expect(recogniseRecording(`https://cdn.example.org/ep/1.${extension}?download=1`)).toEqual({ kind: 'audio' });
    for (const extension of ['mp4', 'webm']) expect(recogniseRecording(`https://cdn.example.org/talk.${extension}`)).toEqual({ kind: 'video' });
  });

  it('takes nothing else for a recording', () => {
    for (const address of [
      'https://www.youtube.com/channel/UCCV6kbjBZje3LPxRp0NHfxg',
      'https://www.youtube.com/watch?v=short',
      'https://example.org/talk.mp3.html',
      'https://example.org/episodes/7',
      'https://notyoutube.com/watch?v=BtnvfVc8z8o',
      'ftp://example.org/a.mp3',
      'not a url',
    ]) {
      expect(recogniseRecording(address), address).toBeUndefined();
    }
  });

  it('lets the source say what an address without an extension is, but not contradict a YouTube address', () => {
    expect(recogniseRecording('https://example.org/episodes/7', 'audio')).toEqual({ kind: 'audio' });
    expect(recogniseRecording('https://example.org/stream?id=7', 'video')).toEqual({ kind: 'video' });
    expect(recogniseRecording('https://example.org/episodes/7', 'youtube')).toBeUndefined();
    expect(recogniseRecording('https://www.youtube.com/watch?v=BtnvfVc8z8o', 'audio')).toBeUndefined();
  });
});

describe('talkRecording', () => {
  const youtube = { label: 'Recording (YouTube)', url: 'https://www.youtube.com/watch?v=U2zJuTLzIm8&t=3631s' };

  it('takes the first playable source, with the part and length its source gives', () => {
    const recording = talkRecording([
      { label: 'Slides', url: 'https://example.org/slides.pdf' },
      { ...youtube, start: '1:00:31', end: '1:07:56', duration: '1:16:45' },
    ]);
    expect(recording).toEqual({
      kind: 'youtube',
      url: youtube.url,
      label: youtube.label,
      videoId: 'U2zJuTLzIm8',
      origin: 'https://www.youtube-nocookie.com',
      start: 3631,
      end: 4076,
      duration: 4605,
    });
    expect(talkLength(recording!)).toBe(445);
  });

  it('starts at the moment the address names when the source gives no start, and has no length it is not told', () => {
    const recording = talkRecording([youtube])!;
    expect(recording.start).toBe(3631);
    expect(talkLength(recording)).toBeUndefined();
    expect(talkLength(talkRecording([{ ...youtube, duration: '1:16:45' }])!)).toBe(4605 - 3631);
  });

  it('has none when no source plays', () => {
    expect(talkRecording([{ label: 'Post', url: 'https://example.org/post' }])).toBeUndefined();
    expect(talkRecording([])).toBeUndefined();
  });

  it('links to a moment without a script: the watch page at that second, or a media fragment', () => {
    const video = talkRecording([youtube])!;
    expect(momentUrl(video, 147.9)).toBe('https://www.youtube.com/watch?v=U2zJuTLzIm8&t=147s');
    expect(embedUrl(video)).toBe('https://www.youtube-nocookie.com/embed/U2zJuTLzIm8?enablejsapi=1&playsinline=1&rel=0');
    expect(talkEmbedUrl(video)).toBe('https://www.youtube-nocookie.com/embed/U2zJuTLzIm8?start=3631');
    expect(talkEmbedUrl({ ...video, end: 4076 })).toBe('https://www.youtube-nocookie.com/embed/U2zJuTLzIm8?start=3631&end=4076');
    expect(talkEmbedUrl({ ...video, start: 0 })).toBe('https://www.youtube-nocookie.com/embed/U2zJuTLzIm8');
    const audio = talkRecording([{ label: 'Episode', url: 'https://cdn.example.org/ep1.mp3#t=5' }])!;
    expect(audio).toMatchObject({ kind: 'audio', origin: 'https://cdn.example.org', start: 5 });
    expect(momentUrl(audio, 147)).toBe('https://cdn.example.org/ep1.mp3#t=147');
    expect(embedUrl(audio)).toBeUndefined();
    expect(talkEmbedUrl(audio)).toBeUndefined();
  });

  it('reads the moments addresses name', () => {
    expect(startInAddress('https://youtu.be/BtnvfVc8z8o?t=1h0m31s')).toBe(3631);
    expect(startInAddress('https://youtu.be/BtnvfVc8z8o?t=2m')).toBe(120);
    expect(startInAddress('https://www.youtube.com/embed/BtnvfVc8z8o?start=90')).toBe(90);
    expect(startInAddress('https://cdn.example.org/a.mp3#t=0:02:27,0:03:00')).toBe(147);
    expect(startInAddress('https://youtu.be/BtnvfVc8z8o?t=soon')).toBeUndefined();
    expect(startInAddress('https://youtu.be/BtnvfVc8z8o')).toBeUndefined();
  });
});

describe('a recording in a talk entry', () => {
  const FIXTURE = resolve(import.meta.dirname, '../fixtures/mini-archive');
  const TALK = 'talks/notes-on-the-engine.md';
  const made: string[] = [];
  afterEach(() => {
    for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const problemsWith = (sources: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'archive-'));
    made.push(folder);
    cpSync(FIXTURE, folder, { recursive: true });
    const path = join(folder, TALK);
    writeFileSync(path, readFileSync(path, 'utf8').replace('topics: [engines]\n', `topics: [engines]\nsources:\n${sources}`));
    return validateArchive(folder).issues.map((issue) => formatIssue({ ...issue, file: relative(folder, resolve(issue.file)) }));
  };

  it('accepts a recording with its times', () => {
    expect(
      problemsWith(
        '  - label: Recording\n    url: https://www.youtube.com/watch?v=U2zJuTLzIm8\n    duration: "1:16:45"\n    start: "1:00:31"\n    end: "1:07:56"\n',
      ),
    ).toEqual([]);
    expect(problemsWith('  - label: Episode\n    url: https://example.org/episodes/7\n    recording: audio\n    duration: "38:30"\n')).toEqual([]);
  });

  it('names the line and field of a time written wrongly, or out of order', () => {
    expect(problemsWith('  - label: Recording\n    url: https://youtu.be/U2zJuTLzIm8\n    duration: 90 minutes\n')).toEqual([
      `${TALK}:17: sources[0].duration: expected a time as m:ss or h:mm:ss, such as "38:30" or "1:00:31" (in quotes)`,
    ]);
    expect(problemsWith('  - label: Recording\n    url: https://youtu.be/U2zJuTLzIm8\n    start: "7:00"\n    end: "6:59"\n')).toEqual([
      `${TALK}:18: sources[0].end: the talk must end after it starts (start: "7:00")`,
    ]);
    expect(problemsWith('  - label: Recording\n    url: https://youtu.be/U2zJuTLzIm8\n    duration: "5:00"\n    start: "6:00"\n')).toEqual([
      `${TALK}:18: sources[0].start: is after the end of the recording (duration: "5:00")`,
    ]);
  });

  it('says what to do when the address is not a recording the player knows', () => {
    expect(problemsWith('  - label: Episode\n    url: https://example.org/episodes/7\n    duration: "38:30"\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^${TALK}:17: sources\\[0\\]\\.duration: only a recording has a duration, .* add recording: audio or recording: video$`),
      ),
    ]);
    expect(problemsWith('  - label: Recording\n    url: https://example.org/episodes/7\n    recording: youtube\n')).toEqual([
      `${TALK}:17: sources[0].recording: expected a YouTube address with the video's id, such as https://www.youtube.com/watch?v=BtnvfVc8z8o`,
    ]);
    expect(problemsWith('  - label: Recording\n    url: https://example.org/episodes/7\n    recording: podcast\n')).toEqual([
      `${TALK}:17: sources[0].recording: "podcast" is not allowed here; write one of "youtube", "audio", "video"`,
    ]);
  });
});
