import webvtt from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { talkLabelResolver } from '../../src/lib/transcript/speaker-labels.ts';
import { hasTimes, SPEAKING_WORDS_PER_MINUTE, transcriptCues, transcriptItems } from '../../src/lib/transcript/transcript-cues.ts';
import { transcriptSrt, transcriptText, transcriptWebVtt, type TranscriptFileOptions } from '../../src/lib/transcript/transcript-files.ts';

/** A small talk with every case: text before any time, a lower-case alias, untimed paragraphs, a heading inside a turn, a declared voice, a repeated time, a footnote. */
const body = [
  '## Opening',
  'Said before any time.',
  '**ada:** [0:04] The engine weaves <patterns> & numbers --> cards.',
  'It has no time of its own.',
  '**Audience member:** [0:30] [laughs] A question?',
  '## Second part',
  '[0:45] Still the audience, after a heading.',
  '**Richard:** [0:45] Same time again.',
  '**Ada Lovelace:** [1:02:03.5] Much later, with a note.[^1]',
  '[^1]: The note.',
].join('\n\n');

const options: TranscriptFileOptions = {
  resolve: talkLabelResolver([{ slug: 'ada-lovelace', name: 'Ada Lovelace', aliases: ['Ada'] }], ['Richard']),
  proseVoice: 'Ada Lovelace',
};

describe('transcriptText', () => {
  it("labels each turn's first paragraph with the name the page shows, keeps headings as headings, and puts footnotes last", () => {
    expect(transcriptText(parseTranscript(body), options)).toBe(
      [
        '## Opening',
        'Said before any time.',
        'Ada Lovelace: The engine weaves <patterns> & numbers --> cards.',
        'It has no time of its own.',
        'Audience member: [laughs] A question?',
        '## Second part',
        'Still the audience, after a heading.',
        'Richard: Same time again.',
        'Ada Lovelace: Much later, with a note.[1]',
        '---',
        '[1] The note.',
      ].join('\n\n') + '\n',
    );
  });

  it("gives an essay's text as plain paragraphs, lists with their markers, and a footnote's paragraphs together", () => {
    const essay = 'Hope is *reasonable*.[^a]\n\n- **One.** First\n  line.\n- Two.\n\n1. Ordered.\n\n[^a]: A note.\n\n    Its second paragraph.';
    expect(transcriptText(parseTranscript(essay), options)).toBe(
      'Hope is reasonable.[1]\n\n- One. First line.\n- Two.\n\n1. Ordered.\n\n---\n\n[1] A note.\nIts second paragraph.\n',
    );
  });
});

describe('transcriptWebVtt', () => {
  const vtt = transcriptWebVtt(parseTranscript(body), options);

  it('gives one cue per timed paragraph, each ending where the next begins, with voices, chapter and footnote notes, and escaped text', () => {
    expect(vtt).toBe(
      [
        'WEBVTT',
        'NOTE Chapter: Opening',
        'p-1ffm0bqx\n00:00:04.000 --> 00:00:30.000\n<v Ada Lovelace>Said before any time.</v>\n<v Ada Lovelace>The engine weaves &lt;patterns&gt; &amp; numbers --&gt; cards.</v>\n<v Ada Lovelace>It has no time of its own.</v>',
        'p-op9ef3ui\n00:00:30.000 --> 00:00:45.000\n<v Audience member>[laughs] A question?</v>',
        'NOTE Chapter: Second part',
        'p-19ngq4ts\n00:00:45.000 --> 01:02:03.500\n<v Audience member>Still the audience, after a heading.</v>\n<v Richard>Same time again.</v>',
        // The last cue's six words at 150 a minute last 2.4 s, rounded up.
        'p-25in47mx\n01:02:03.500 --> 01:02:06.500\n<v Ada Lovelace>Much later, with a note.[1]</v>',
        'NOTE [1] The note.',
      ].join('\n\n') + '\n',
    );
  });

  it('is WebVTT that the w3c parser reads without an error, with every cue and voice', () => {
    const { cues, errors } = new webvtt.WebVTTParser().parse(vtt);
    expect(errors).toEqual([]);
    expect(cues.map((cue) => [cue.id, cue.startTime, cue.endTime])).toEqual([
      ['p-1ffm0bqx', 4, 30],
      ['p-op9ef3ui', 30, 45],
      ['p-19ngq4ts', 45, 3723.5],
      ['p-25in47mx', 3723.5, 3726.5],
    ]);
    const voices = cues.flatMap((cue) => cue.tree.children.flatMap((node) => (node.type === 'object' && node.name === 'v' ? [node.value] : [])));
    expect(voices).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Ada Lovelace', 'Audience member', 'Audience member', 'Richard', 'Ada Lovelace']);
  });

  it('ends the last cue at the recording end when one is given, and at the estimate when that is no later than the cue', () => {
    const lastTiming = (recordingEnd?: number) =>
      transcriptWebVtt(parseTranscript(body), { ...options, ...(recordingEnd !== undefined && { recordingEnd }) })
        .match(/^.* --> .*$/gm)
        ?.at(-1);
    expect(lastTiming(3800)).toBe('01:02:03.500 --> 01:03:20.000');
    expect(lastTiming(3723.5)).toBe('01:02:03.500 --> 01:02:06.500');
    expect(lastTiming()).toBe('01:02:03.500 --> 01:02:06.500');
  });

  it('writes text outside any turn without a voice when the talk has no prose voice', () => {
    expect(transcriptWebVtt(parseTranscript('[0:01] Alone.'), { ...options, proseVoice: '' })).toMatch(
      /^WEBVTT\n\np-\w+\n00:00:01\.000 --> 00:00:02\.000\nAlone\.\n$/,
    );
  });
});

describe('estimated times', () => {
  const estimated = parseTranscript('**Ada:** [0:10] One.\n\n**Audience member:** [~0:20] Two?\n\n**Ada:** [0:30] Three.');

  it('start a WebVTT cue after a note that says the start is estimated, so that it reads back as one', () => {
    const vtt = transcriptWebVtt(estimated, { ...options, recordingEnd: 40 });
    expect(vtt).toContain(
      `00:00:10.000 --> 00:00:20.000\n<v Ada Lovelace>One.</v>\n\nNOTE Estimated start: the next cue's time is estimated from the words' position, not given by the source\n\n`,
    );
    expect(vtt.split('NOTE Estimated start')).toHaveLength(2);
    expect(new webvtt.WebVTTParser().parse(vtt).errors).toEqual([]);
  });

  it('keep their mark in the items a download is made from', () => {
    const items = transcriptItems(estimated, options.resolve).flatMap((item) => (item.kind === 'paragraph' ? [[item.start, item.estimated ?? false]] : []));
    expect(items).toEqual([
      [10, false],
      [20, true],
      [30, false],
    ]);
  });
});

describe('transcriptSrt', () => {
  it('numbers the same cues, writes times with a comma, and opens each turn with its speaker', () => {
    expect(transcriptSrt(parseTranscript(body), { ...options, recordingEnd: 3800 })).toBe(
      [
        '1\n00:00:04,000 --> 00:00:30,000\nSaid before any time.\nAda Lovelace: The engine weaves <patterns> & numbers --> cards.\nIt has no time of its own.',
        '2\n00:00:30,000 --> 00:00:45,000\nAudience member: [laughs] A question?',
        '3\n00:00:45,000 --> 01:02:03,500\nStill the audience, after a heading.\nRichard: Same time again.',
        '4\n01:02:03,500 --> 01:03:20,000\nAda Lovelace: Much later, with a note.[1]',
      ].join('\n\n') + '\n',
    );
  });
});

describe('transcriptCues', () => {
  const cuesOf = (markdown: string, recordingEnd?: number) =>
    transcriptCues(transcriptItems(parseTranscript(markdown), options.resolve), recordingEnd).cues.map((cue) => [
      cue.start,
      cue.end,
      cue.paragraphs.map((paragraph) => paragraph.text),
    ]);

  it('puts a paragraph without a time, or with a time not after the cue before, into the cue before; it never makes up a time', () => {
    expect(cuesOf('[0:10] One.\n\nTwo.\n\n[0:05] Three.\n\n[0:20] Four.', 30)).toEqual([
      [10, 20, ['One.', 'Two.', 'Three.']],
      [20, 30, ['Four.']],
    ]);
  });

  it(`estimates the last cue at ${SPEAKING_WORDS_PER_MINUTE} words a minute, and at least a second`, () => {
    expect(cuesOf(`[0:10] ${'word '.repeat(300)}`)).toEqual([[10, 130, ['word '.repeat(300).trim()]]]);
    expect(cuesOf('[0:10] Yes.')).toEqual([[10, 11, ['Yes.']]]);
  });

  it('has no cues, and the transcript no times, when no paragraph has a timestamp', () => {
    const untimed = parseTranscript('**Ada:** One.\n\nTwo.');
    expect(hasTimes(untimed)).toBe(false);
    expect(transcriptCues(transcriptItems(untimed, options.resolve)).cues).toEqual([]);
    expect(hasTimes(parseTranscript('**Ada:** One.\n\n[0:02] Two.'))).toBe(true);
  });

  it('takes the time after a label standing alone on its line as the time of the paragraph below it', () => {
    expect(cuesOf('**Ada:** [0:07]\n\nSpoken below the label.', 20)).toEqual([[7, 20, ['Spoken below the label.']]]);
  });
});
