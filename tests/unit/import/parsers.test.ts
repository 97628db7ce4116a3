/** Each format reader on the quirks its corpus README lists, with small samples written here. */
import { describe, expect, it } from 'vitest';
import { auditCoverage } from '../../../src/lib/import/audit.ts';
import { buildTranscript, type TranscriptTarget } from '../../../src/lib/import/import-transcript.ts';
import type { ParsedSource } from '../../../src/lib/import/model.ts';
import { parseCaptionMarkdown } from '../../../src/lib/import/parse-caption-markdown.ts';
import { parseMarkdownLabels } from '../../../src/lib/import/parse-markdown-labels.ts';
import { parseNameColon } from '../../../src/lib/import/parse-name-colon.ts';
import { parsePodcastingHtml } from '../../../src/lib/import/parse-podcasting-html.ts';
import { parsePodcastingJson } from '../../../src/lib/import/parse-podcasting-json.ts';
import { parseSeedStyle } from '../../../src/lib/import/parse-seed-style.ts';
import { parseSrt } from '../../../src/lib/import/parse-srt.ts';
import { parseVtt } from '../../../src/lib/import/parse-vtt.ts';
import { parseWhisperJson } from '../../../src/lib/import/parse-whisper-json.ts';
import { turnsOf } from './helpers.ts';

const labelsAndTexts = (parsed: ParsedSource) => parsed.segments.map((segment) => [segment.label ?? null, segment.text]);

/** Imports a parsed sample for speakers with these names (slugs made from them), keeping unmapped labels as voices. */
function imported(parsed: ParsedSource, names: string[], aliases: Record<string, string[]> = {}) {
  auditCoverage(parsed);
  const speakers = names.map((name) => ({ slug: name.toLowerCase().replace(/\W+/g, '-'), name, aliases: aliases[name] ?? [] }));
  const target: TranscriptTarget = { speakers, voices: [] };
  return buildTranscript(parsed, target, { archive: speakers, explicit: new Map(), strict: false, unlabelled: 'continue' });
}

describe('WebVTT', () => {
  const sample = [
    '\uFEFFWEBVTT',
    '',
    'NOTE exported by a podcast host',
    '',
    '00:00:00.179 --> 00:00:02.399',
    '<v Travis> When you first get',
    'started in podcasting, it&#39;s',
    '',
    '00:00:02.400 --> 00:00:04.799',
    'almost guaranteed. So in this',
    '',
    'intro-3',
    '00:00:04.801 --> 00:00:07.980',
    'bonus episode , um , we talk.',
    '',
    '00:00:08.000 --> 00:00:09.000',
    'Gilon: So is there an ideal',
    '',
    '00:00:09.000 --> 00:00:10.500',
    'podcast length? <b>Nope</b>. <script>alert(1)</script>',
    '',
  ].join('\r\n');

  it('reads a BOM and CRLF file, unclosed <v> tags, untagged continuation cues and a plain-text label', () => {
    const parsed = parseVtt(sample);
    expect(labelsAndTexts(parsed)).toEqual([
      ['Travis', "When you first get started in podcasting, it's"],
      [null, 'almost guaranteed. So in this'],
      [null, 'bonus episode , um , we talk.'],
      ['Gilon', 'So is there an ideal'],
      [null, 'podcast length? Nope. alert(1)'],
    ]);
    expect(parsed.segments.map((segment) => segment.at)).toEqual([
      { line: 5, cue: 1 },
      { line: 9, cue: 2 },
      { line: 13, cue: 3 },
      { line: 16, cue: 4 },
      { line: 19, cue: 5 },
    ]);
  });

  it('merges the cues into one paragraph per turn here, with the first cue’s time', () => {
    const { body } = imported(parseVtt(sample), ['Travis', 'Gilon']);
    expect(body).toBe(
      "**Travis:** [0:00] When you first get started in podcasting, it's almost guaranteed. So in this bonus episode , um , we talk.\n\n" +
        '**Gilon:** [0:08] So is there an ideal podcast length? Nope. alert(1)',
    );
  });

  it('decodes character references in text and in voice names, so escaped text reads as written', () => {
    const parsed = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Tom &amp; Jerry>a &lt;b&gt; --&gt; c &amp; d</v>\n');
    expect(labelsAndTexts(parsed)).toEqual([['Tom & Jerry', 'a <b> --> c & d']]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it('decodes every HTML5 named and numeric reference in cue text, as the standard says', () => {
    const parsed = parseVtt(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nOur Q&amp;A on &quot;caf&eacute;s&quot; &amp;&amp; AT&T &ndash; &#128512; &#150; &#x2019;s &amp\n',
    );
    expect(labelsAndTexts(parsed)).toEqual([[null, 'Our Q&A on "cafés" && AT&T – 😀 – ’s &amp']]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it('takes ">>" opening a cue or a line (YouTube\'s change of speaker) for an unlabelled new turn', () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n&gt;&gt; So that is the talk.\n\n00:00:03.000 --> 00:00:05.000\n&gt;&gt; Thank you. Questions?\n>> Yes, me.\n';
    const parsed = parseVtt(vtt);
    expect(parsed.segments.map((segment) => [segment.newTurn ?? false, segment.text])).toEqual([
      [true, 'So that is the talk.'],
      [true, 'Thank you. Questions?'],
      [true, 'Yes, me.'],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
    const { body } = imported(parsed, ['Ada Lovelace']);
    expect(turnsOf(body).map((turn) => turn.label)).toEqual(['Unknown speaker', 'Unknown speaker', 'Unknown speaker']);
    expect(body).not.toContain('>');
  });

  it("takes a speaker tag in square brackets opening a line for that speaker's turn, where it names a known voice", () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n[Adam] So welcome, Dawn.\n\n00:00:03.000 --> 00:00:05.000\n[Dawn] Thanks, Adam. [Music]\n[audience member] Can I ask?\n\n00:00:05.000 --> 00:00:06.000\n[Music] Yes.\n';
    const known = (label: string) => ['Adam', 'Dawn'].includes(label);
    const parsed = parseVtt(vtt, { isKnownLabel: known });
    expect(labelsAndTexts(parsed)).toEqual([
      ['Adam', 'So welcome, Dawn.'],
      ['Dawn', 'Thanks, Adam. [Music]'],
      ['audience member', 'Can I ask?'],
      [null, '[Music] Yes.'],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
    expect(turnsOf(imported(parsed, ['Adam Smith', 'Dawn Song']).body).map((turn) => turn.label)).toEqual(['Adam Smith', 'Dawn Song', 'audience member']);
  });

  it('keeps cues that are paragraphs already (40 words or more on average) as paragraphs, each with its time', () => {
    const sentence = 'The engine weaves algebraic patterns just as the loom weaves flowers and leaves. ';
    const paragraph = sentence.repeat(4).trim();
    const vtt = `WEBVTT\n\n00:00:04.000 --> 00:00:56.000\n<v Ada>${paragraph}</v>\n\n00:00:56.000 --> 00:01:30.000\n<v Ada>${paragraph}</v>\n`;
    const parsed = parseVtt(vtt);
    expect(parsed.layout).toBe('paragraphs');
    expect(imported(parsed, ['Ada']).body).toBe(`**Ada:** [0:04] ${paragraph}\n\n[0:56] ${paragraph}`);
    expect(parseVtt(sample).layout).toBe('cues');
  });

  it('reads Whisper’s VTT: timestamps without hours, no voices', () => {
    const parsed = parseVtt('WEBVTT\n\n00:15.000 --> 00:23.560\nAndrej Karpathy Hi, everyone.\n\n59:59.000 --> 1:00:01.000\nThe end.\n');
    expect(parsed.segments.map((segment) => [segment.label ?? null, segment.start])).toEqual([
      [null, 15],
      [null, 3599],
    ]);
  });

  it('reads the start of a cue after the archive\'s "NOTE Estimated start" as an estimate, and writes it so', () => {
    const vtt = [
      'WEBVTT',
      'p-1\n00:00:10.000 --> 00:02:31.000\n<v Ada>A paragraph that is long enough to be one, with the words of a whole paragraph spoken by Ada in it, more than forty of them, so that the cues are read as the paragraphs they are, and not merged.</v>',
      "NOTE Estimated start: the next cue's time is estimated from the words' position, not given by the source",
      'p-2\n00:02:31.000 --> 00:03:00.000\n<v Audience member>A question that is long enough to be a paragraph too, with the words of a whole paragraph spoken by someone in the audience, more than forty of them, so that the cues are read as paragraphs and kept as they are?</v>',
    ].join('\n\n');
    const parsed = parseVtt(vtt);
    expect(parsed.segments.map((segment) => [segment.start, segment.estimated ?? false])).toEqual([
      [10, false],
      [151, true],
    ]);
    expect(imported(parsed, ['Ada']).body).toMatch(/^\*\*Ada:\*\* \[0:10\] A paragraph .*\n\n\*\*Audience member:\*\* \[~2:31\] A question /s);
  });

  it('refuses a file without the WEBVTT signature, naming the line', () => {
    expect(() => parseVtt('00:00.000 --> 00:01.000\nHi\n')).toThrow(/not valid WebVTT: .*signature/);
  });
});

describe('SRT', () => {
  const sample = [
    '1',
    '00:00:06,687 --> 00:00:08,216',
    'Bekah Hawrot Weigel: Hello, and',
    'welcome to Season 5, Episode 9',
    '',
    '2',
    '00:00:08,216 --> 00:00:09,745',
    'of the',
    '',
    '3',
    '00:00:09,746 --> 00:00:12,400',
    'Virtual Coffee podcast. [Bekah',
    '',
    '4',
    '00:00:12,400 --> 00:00:13,000',
    'laughs] <i>Dan</i>?',
    '',
    '5',
    '00:00:33,567 --> 00:00:39,476',
    'Dan: Hello! Welcome.',
    '',
    '6',
    '00:00:40,000 --> 00:00:41,000',
    'Bekah: Hi.',
    '',
  ].join('\n');

  it('takes a label from a cue’s opening "Name: ", drops tags, and numbers cues', () => {
    const parsed = parseSrt(sample);
    expect(labelsAndTexts(parsed)).toEqual([
      ['Bekah Hawrot Weigel', 'Hello, and welcome to Season 5, Episode 9'],
      [null, 'of the'],
      [null, 'Virtual Coffee podcast. [Bekah'],
      [null, 'laughs] Dan?'],
      ['Dan', 'Hello! Welcome.'],
      ['Bekah', 'Hi.'],
    ]);
    expect(parsed.segments[4]?.at).toEqual({ line: 19, cue: 5 });
  });

  it("gives a turn that starts inside a cue a time estimated from its words' place in the cue, not the cue's", () => {
    const cue =
      '1\n00:02:00,000 --> 00:02:20,000\nJan Leike: This is the end.\nAudience member: Why is it?\n\n2\n00:02:20,000 --> 00:02:22,000\nJan Leike: Because.\n';
    const { body } = imported(parseSrt(cue, { isKnownLabel: (label) => label === 'Jan Leike' }), ['Jan Leike']);
    // Four of the cue's seven words come before the question: 2:00 + 20 s × 4/7.
    expect(body).toBe('**Jan Leike:** [2:00] This is the end.\n\n**Audience member:** [~2:11] Why is it?\n\n**Jan Leike:** [2:20] Because.');
  });

  it('maps the full name and the later first name to one speaker, merges two-word cues, and keeps a mark split across cues', () => {
    const { body } = imported(parseSrt(sample), ['Bekah Hawrot Weigel', 'Dan']);
    expect(body).toBe(
      '**Bekah Hawrot Weigel:** [0:06] Hello, and welcome to Season 5, Episode 9 of the Virtual Coffee podcast. [Bekah laughs] Dan?\n\n' +
        '**Dan:** [0:33] Hello! Welcome.\n\n**Bekah Hawrot Weigel:** [0:40] Hi.',
    );
    expect(turnsOf(body)[0]?.passages[0]?.tokens.some((token) => token.children?.some((child) => child.type === 'non_speech'))).toBe(true);
  });

  it("starts a turn at a later line of a cue that opens with a known speaker's or an anonymous voice's label, and nowhere else", () => {
    const cue = '7\n00:04:16,000 --> 00:05:03,000\nQuestion?\nAudience member: [Inaudible]\nJan Leike: There are\nsome exceptions.\nStep One: not a label.\n';
    const parsed = parseSrt(cue, { isKnownLabel: (label) => label === 'Jan Leike' });
    expect(parsed.segments.map((segment) => [segment.label ?? null, segment.text, segment.start])).toEqual([
      [null, 'Question?', 256],
      ['Audience member', '[Inaudible]', 256],
      ['Jan Leike', 'There are some exceptions. Step One: not a label.', 256],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it('takes ">>" opening a cue\'s line for an unlabelled new turn, and decodes references', () => {
    const parsed = parseSrt('1\n00:00:01,000 --> 00:00:03,000\nDan: Q&amp;A time.\n&gt;&gt; Can I ask?\n');
    expect(parsed.segments.map((segment) => [segment.label ?? null, segment.newTurn ?? false, segment.text])).toEqual([
      ['Dan', false, 'Q&A time.'],
      [null, true, 'Can I ask?'],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it("takes a speaker tag in square brackets opening a cue's line for that speaker's turn", () => {
    const parsed = parseSrt('1\n00:00:01,000 --> 00:00:03,000\n[Adam] So welcome.\n[Dawn] Thanks.\n\n2\n00:00:03,000 --> 00:00:04,000\n[laughs] Yes.\n', {
      isKnownLabel: (label) => ['Adam', 'Dawn'].includes(label),
    });
    expect(labelsAndTexts(parsed)).toEqual([
      ['Adam', 'So welcome.'],
      ['Dawn', 'Thanks.'],
      [null, '[laughs] Yes.'],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it('names the cue and line of a block without timing', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\nno timing here\n')).toThrow(
      /cue 2 has no timing line; expected .*00:00:01,000 --> 00:00:04,000/,
    );
  });
});

describe('Whisper JSON', () => {
  const sample = JSON.stringify({
    text: '…',
    segments: [
      { id: 0, start: 0, end: 15, text: ' Please welcome Andrej Karpathy.' },
      { id: 1, start: 88.16, end: 90, text: ' So the first stage is pre-training.' },
      { id: 2, start: 90, end: 92, text: ' So the first stage is pre-training.' },
      { id: 3, start: 2495.74, end: 2525.74, text: ' www.microsoft.com' },
    ],
    language: 'en',
  });

  it('reads segments as cues, keeps repeated ones and reports them', () => {
    const parsed = parseWhisperJson(sample);
    expect(parsed.segments.map((segment) => segment.text)).toEqual([
      'Please welcome Andrej Karpathy.',
      'So the first stage is pre-training.',
      'So the first stage is pre-training.',
      'www.microsoft.com',
    ]);
    expect(parsed.notes).toEqual(['segments 2–3 repeat "So the first stage is pre-training." (2×); kept, as the source has them']);
    expect(parsed.facts.language).toBe('en');
    const { body } = imported(parsed, ['Andrej Karpathy']);
    expect(body.match(/So the first stage is pre-training\./g)).toHaveLength(2);
    expect(body).toMatch(/pre-training\. www\.microsoft\.com$/);
  });

  it('takes WhisperX’s speaker field as a label', () => {
    const parsed = parseWhisperJson(JSON.stringify({ segments: [{ start: 0, end: 1, text: ' Hi.', speaker: 'SPEAKER_00' }] }));
    expect(parsed.segments[0]?.label).toBe('SPEAKER_00');
  });

  it('says where JSON is broken', () => {
    expect(() => parseWhisperJson('{\n  "segments": [\n    {"text": }\n  ]\n}')).toThrow(/not valid JSON/);
  });
});

describe('Podcasting 2.0', () => {
  it('reads <cite>, <time> and <p> runs with entities decoded and markup kept as text', () => {
    const parsed = parsePodcastingHtml(
      '<cite>Travis:</cite>\n<time>0:00</time>\n<p>It&#39;s <em>key</em> &lt;b&gt;really&lt;/b&gt;.</p>\n<cite>Sarah:</cite>\n<time>1:02:03</time>\n<p>Yes.</p>\n',
    );
    expect(parsed.segments.map((segment) => [segment.label, segment.text, segment.start, segment.at.line])).toEqual([
      ['Travis', "It's key <b>really</b>.", 0, 3],
      ['Sarah', 'Yes.', 3723, 6],
    ]);
    const { body } = imported(parsed, ['Travis', 'Sarah']);
    expect(body).toBe("**Travis:** [0:00] It's key \\<b\\>really\\</b\\>.\n\n**Sarah:** [1:02:03] Yes.");
  });

  it('reads JSON segments of {speaker, startTime, endTime, body}', () => {
    const parsed = parsePodcastingJson(
      JSON.stringify({
        version: '1.0.0',
        segments: [
          { speaker: 'Travis', startTime: 0.18, endTime: 2.4, body: 'When you first get' },
          { startTime: 2.4, endTime: 4.8, body: 'started.' },
        ],
      }),
    );
    expect(labelsAndTexts(parsed)).toEqual([
      ['Travis', 'When you first get'],
      [null, 'started.'],
    ]);
    expect(imported(parsed, ['Travis']).body).toBe('**Travis:** [0:00] When you first get started.');
  });
});

describe('Markdown with bold labels (AXRP)', () => {
  const sample = [
    '---',
    'title: "24 - Superalignment"',
    '---',
    '',
    '[YouTube link](https://www.youtube.com/watch?v=x)',
    '',
    'Topics we discuss:',
    ' - [The team](#team)',
    '',
    '**Daniel Filan:**',
    'Hello, everybody. See [this post](https://openai.com/blog/x) and _this_.',
    '',
    '**Jan Leike:**',
    '',
    'Thanks a lot for having me. <b>Raw</b> stays text.',
    '',
    '## The superalignment team <a name="superalignment-team"></a>',
    '',
    '**Daniel Filan** (00:09):',
    'So, hello, Alan.',
    '',
    '(00:29):',
    'A continuation. Email <feedback@axrp.net>.',
    '',
  ].join('\n');

  it('reads labels alone on their line, labels with timestamps, and timestamp-only continuations', () => {
    const parsed = parseMarkdownLabels(sample);
    expect(parsed.firstLine).toBe(10);
    expect(parsed.segments.map((segment) => [segment.label ?? null, segment.start ?? null])).toEqual([
      ['Daniel Filan', null],
      ['Jan Leike', null],
      ['Daniel Filan', 9],
      [null, 29],
    ]);
    expect(parsed.chapters).toEqual([{ title: 'The superalignment team', depth: 2, before: 2, at: { line: 17 } }]);
  });

  it('keeps emphasis and web links, and drops inline HTML tags (markup, not words)', () => {
    const { body } = imported(parseMarkdownLabels(sample), ['Daniel Filan', 'Jan Leike']);
    expect(body).toBe(
      [
        '**Daniel Filan:** Hello, everybody. See [this post](https://openai.com/blog/x) and *this*.',
        '**Jan Leike:** Thanks a lot for having me. Raw stays text.',
        '## The superalignment team',
        '**Daniel Filan:** [0:09] So, hello, Alan.',
        '[0:29] A continuation. Email [feedback@axrp.net](mailto:feedback@axrp.net).',
      ].join('\n\n'),
    );
  });
});

describe('Markdown posts with navigation and two heading levels', () => {
  const post = [
    '---',
    'title: "Episode 12"',
    '---',
    '',
    'A summary of the episode.',
    '',
    '## Contents',
    '- [Part one](#part-one)',
    '  - [Introduction](#introduction)',
    '  - [Why now](#why-now)',
    '- [Part two](#part-two)',
    '  - [What next](#what-next)',
    '',
    '# Part one <a name="part-one"></a>',
    '',
    '## Introduction <a name="introduction"></a>',
    '',
    '[⬆](#contents)',
    '',
    '**Host:** Hello, and welcome.',
    '',
    '**Guest:** Thanks. [⬆](#contents)',
    '',
    '[Back to contents](#contents)',
    '',
    '## Why now <a name="why-now"></a>',
    '',
    '**Host:** Why now? As I said [earlier](#introduction), it matters.',
    '',
    '[⬆](#contents)',
    '',
    '# Part two <a name="part-two"></a>',
    '',
    '## What next <a name="what-next"></a>',
    '',
    '**Guest:** This.',
    '',
    '[⬆](#contents)',
    '',
  ].join('\n');

  it('drops navigation links with their text, keeps the headings before the first label, and keeps the two levels', () => {
    const { body } = imported(parseMarkdownLabels(post), ['Host', 'Guest']);
    expect(body).toBe(
      [
        '## Part one',
        '### Introduction',
        '**Host:** Hello, and welcome.',
        '**Guest:** Thanks.',
        '### Why now',
        '**Host:** Why now? As I said earlier, it matters.',
        '## Part two',
        '### What next',
        '**Guest:** This.',
      ].join('\n\n'),
    );
    expect(body).not.toContain('⬆');
  });
});

describe('editorial insertions (AXRP)', () => {
  it("counts the editor's words in brackets as words, and only sounds and gaps as marks", () => {
    const sample = '**Daniel Filan:**\nSo [GPT-]3.5 was evaluat[ing] it, at [the Schwartz Reisman Institute]. [laughs] [inaudible]\n';
    const { body, audit } = imported(parseMarkdownLabels(sample), ['Daniel Filan']);
    expect(body).toBe('**Daniel Filan:** So [GPT-]3.5 was evaluat[ing] it, at [the Schwartz Reisman Institute]. [laughs] [inaudible]');
    expect(audit).toMatchObject({ spokenIn: 12, spokenOut: 12, marksIn: 2, marksOut: 2 });
  });
});

describe("Markdown in the archive's own convention (a talk's Markdown download)", () => {
  const body = [
    '## The alignment challenge',
    '**Jan Leike:** [0:04] Yeah, thanks a lot.',
    '[0:56] And one of the core problems.',
    '## [1:32] Scalable oversight',
    // Inside a paragraph (here after a line break) a time is text, for the reader and for its word audit alike.
    'But basically, at\n[1:10] in the text, a time stays as written.',
    '**Audience member**: [4:16] [Inaudible]',
    '**Jan Leike:** [1:02:03]',
    'Over an hour in.',
    '**Audience member:** [~1:02:31] An estimated time.',
  ].join('\n\n');
  const sample = `---\ntitle: Scaling RLHF\nkind: talk\n---\n${body}\n`;

  it('takes a timestamp after a label or opening a paragraph as its start, not as words', () => {
    const parsed = parseMarkdownLabels(sample);
    expect(parsed.segments.map((segment) => [segment.label ?? null, segment.start ?? null, segment.text])).toEqual([
      ['Jan Leike', 4, 'Yeah, thanks a lot.'],
      [null, 56, 'And one of the core problems.'],
      [null, null, 'But basically, at \\[1:10\\] in the text, a time stays as written.'],
      ['Audience member', 256, '[Inaudible]'],
      ['Jan Leike', 3723, 'Over an hour in.'],
      ['Audience member', 3751, 'An estimated time.'],
    ]);
    expect(parsed.segments.map((segment) => segment.estimated ?? false)).toEqual([false, false, false, false, false, true]);
    // The heading right above the first label is the first chapter; the front matter above it is not.
    // A heading's opening time is when its chapter starts, not part of its title.
    expect(parsed.chapters.map((chapter) => [chapter.title, chapter.before, chapter.start ?? null])).toEqual([
      ['The alignment challenge', 0, null],
      ['Scalable oversight', 2, 92],
    ]);
    expect(parsed.firstLine).toBe(5);
  });

  it("imports back to the same turns, times and words, written in the importer's own form", () => {
    const { body: written, audit } = imported(parseMarkdownLabels(sample), ['Jan Leike']);
    expect(written).toBe(
      [
        '## The alignment challenge',
        '**Jan Leike:** [0:04] Yeah, thanks a lot.',
        '[0:56] And one of the core problems.',
        '## [1:32] Scalable oversight',
        'But basically, at \\[1:10\\] in the text, a time stays as written.',
        '**Audience member:** [4:16] [Inaudible]',
        '**Jan Leike:** [1:02:03] Over an hour in.',
        '**Audience member:** [~1:02:31] An estimated time.',
      ].join('\n\n'),
    );
    // A time in the running text is text, not a mark: its words are counted.
    expect(audit).toMatchObject({ spokenIn: 30, spokenOut: 30, marksIn: 1, marksOut: 1, timestamps: 5 });
  });
});

describe('Name: text paragraphs (The Inside View)', () => {
  const sample = [
    '---',
    'title: "Phil Trammell"',
    '---',
    '',
    'Intro with a [link](https://x.y).',
    '',
    '# Transcript',
    '',
    'Michael: Hey Phil how are you',
    '',
    "Phil: I'm okay",
    '',
    'Michal: great [inaudible]',
    '',
    'Phi: right so',
    '',
    '[AI in technology production]',
    '',
    'Micheal: so if we',
  ].join('\n');

  it('starts after the Transcript heading and takes each paragraph’s label', () => {
    const parsed = parseNameColon(sample);
    expect(parsed.firstLine).toBe(8);
    expect(parsed.notes[0]).toMatch(/lines 1–7 come before the "# Transcript" heading/);
    expect(parsed.segments.map((segment) => segment.label ?? null)).toEqual(['Michael', 'Phil', 'Michal', 'Phi', null, 'Micheal']);
  });

  it('maps misspelt labels through the speakers’ aliases and the host’s first name without its diaeresis', () => {
    const { body, mappings } = imported(parseNameColon(sample), ['Michaël Trazzi', 'Phil Trammell'], {
      'Michaël Trazzi': ['Michal', 'Micheal'],
      'Phil Trammell': ['Phi'],
    });
    expect(mappings.map((mapping) => [mapping.label, mapping.slug, mapping.how])).toEqual([
      ['Michael', 'micha-l-trazzi', 'short name'],
      ['Phil', 'phil-trammell', 'short name'],
      ['Michal', 'micha-l-trazzi', 'alias'],
      ['Phi', 'phil-trammell', 'alias'],
      ['Micheal', 'micha-l-trazzi', 'alias'],
    ]);
    expect(turnsOf(body).map((turn) => turn.label)).toEqual(['Michaël Trazzi', 'Phil Trammell', 'Michaël Trazzi', 'Phil Trammell', 'Michaël Trazzi']);
    expect(body).toContain('**Phil Trammell:** right so\n\n[AI in technology production]\n\n**Michaël Trazzi:** so if we');
  });
});

describe('seed interview style', () => {
  it('takes the speakers’ names that open paragraphs as labels, and reports a name glued to the next word', () => {
    const sample = 'rob wiblin hi listeners\n\njan leike thanks\n\nmore from jan\n\nrob wiblin so\n\njan leikeit depends\n\nrob wiblin ok\n\njan leike yes';
    const parsed = parseSeedStyle(sample, { names: ['Rob Wiblin', 'Jan Leike'] });
    expect(parsed.segments.map((segment) => segment.label ?? null)).toEqual(['rob wiblin', 'jan leike', null, 'rob wiblin', null, 'rob wiblin', 'jan leike']);
    expect(parsed.notes).toEqual([
      'line 9: the paragraph opens with "jan leikeit de…", a name glued to the next word; it is kept as text of the turn before'.replace('de…', 'dep…'),
    ]);
    // Without names given, an opening shared by three paragraphs or more is taken for a name: only "rob wiblin" here.
    expect(new Set(parseSeedStyle(sample).segments.map((segment) => segment.label))).toEqual(new Set(['rob wiblin', undefined]));
  });
});

describe('caption Markdown (FAR.AI workshop files)', () => {
  const sample = [
    '---',
    'id: "OPZxs6IXH00"',
    'url: "https://www.youtube.com/watch?v=OPZxs6IXH00"',
    'channel: "FAR․AI"',
    'transcript: {"source": "manual", "language": "en-US"}',
    '---',
    '',
    '## Transcript',
    '',
    '_Source: human-made captions (en-US). Timestamps are [m:ss] from the start of the video._',
    '',
    '### <Untitled Chapter 1>',
    '',
    '[0:01] Presenter: We start. And finally: (a talk about &quot;deception&quot;).',
    '',
    '[1:01] So if you start with the field of AI alignment',
    '',
    '### Al Alignment and AGI safety',
    '',
    '[1:09] and AGI safety, it has origins. Or with DNA: nothing. Jacob. Jacob Steinhardt: [Inaudible] Been Kim: We do.',
    '',
    '### Jascha Sohl-Dickstein - More intelligent agents',
    '',
    '[21:04] Thanks. Jascha Sohl-Dickstein: Hey there. Audience member: (Inaudible) Alexander Madre: OK.',
    '',
  ].join('\n');

  it('reads inline labels mid-paragraph, but not "And finally:" or "Or with DNA:", and decodes entities', () => {
    const parsed = parseCaptionMarkdown(sample);
    expect(labelsAndTexts(parsed)).toEqual([
      ['Presenter', 'We start. And finally: (a talk about "deception").'],
      [null, 'So if you start with the field of AI alignment'],
      [null, 'and AGI safety, it has origins. Or with DNA: nothing. Jacob.'],
      ['Jacob Steinhardt', '[Inaudible]'],
      ['Been Kim', 'We do.'],
      [null, 'Thanks.'],
      ['Jascha Sohl-Dickstein', 'Hey there.'],
      ['Audience member', '(Inaudible)'],
      ['Alexander Madre', 'OK.'],
    ]);
    expect(parsed.facts).toEqual({ url: 'https://www.youtube.com/watch?v=OPZxs6IXH00', channel: 'FAR․AI', language: 'en-US', captions: 'manual' });
  });

  it("does not take a sentence's first word for a person, unless it names one of the talk's voices", () => {
    const text = '## Transcript\n\n[3:00] Jacob Steinhardt: It is not there yet. Two: these settings differ. Richard: How are we on time?\n';
    const known = (label: string) => ['Jacob Steinhardt', 'Jacob'].includes(label);
    expect(labelsAndTexts(parseCaptionMarkdown(text, { isKnownLabel: known }))).toEqual([
      ['Jacob Steinhardt', 'It is not there yet. Two: these settings differ. Richard: How are we on time?'],
    ]);
    expect(labelsAndTexts(parseCaptionMarkdown(text, { isKnownLabel: (label) => known(label) || label === 'Richard' }))).toEqual([
      ['Jacob Steinhardt', 'It is not there yet. Two: these settings differ.'],
      ['Richard', 'How are we on time?'],
    ]);
  });

  it('takes a speaker tag in square brackets for a turn where a label could stand, if it names a known voice', () => {
    const parsed = parseCaptionMarkdown('## Transcript\n\n[0:10] [Adam] So welcome, he [Dawn] said. [Dawn] Thanks. [Music] [audience member] A question?\n', {
      isKnownLabel: (label) => ['Adam', 'Dawn'].includes(label),
    });
    expect(labelsAndTexts(parsed)).toEqual([
      ['Adam', 'So welcome, he [Dawn] said.'],
      ['Dawn', 'Thanks. [Music]'],
      ['audience member', 'A question?'],
    ]);
    expect(() => auditCoverage(parsed)).not.toThrow();
  });

  it('takes a label right after a word cut off with a hyphen', () => {
    const parsed = parseCaptionMarkdown(
      "## Transcript\n\n[14:02] Audience member: If I'm going to play devils' advocate in here, like- Paul Christiano: Which I encourage. Audience member: Why does it?\n",
    );
    expect(labelsAndTexts(parsed)).toEqual([
      ['Audience member', "If I'm going to play devils' advocate in here, like-"],
      ['Paul Christiano', 'Which I encourage.'],
      ['Audience member', 'Why does it?'],
    ]);
  });

  it('moves a heading that cuts a sentence back to its start, and one before leftover words past them', () => {
    const parsed = parseCaptionMarkdown(sample);
    // A heading keeps the chapter's own time: the time of the paragraph it stood before in the file.
    expect(parsed.chapters.map((chapter) => [chapter.title, chapter.before, chapter.start])).toEqual([
      ['Al Alignment and AGI safety', 1, 69],
      ['Jascha Sohl-Dickstein - More intelligent agents', 6, 1264],
    ]);
    const { body } = imported(parsed, ['Been Kim', 'Jascha Sohl-Dickstein']);
    // The presenter carries on after the heading, so the paragraph has no label of its own.
    // The caption paragraphs stay as they are, so each keeps its time, even where one ends mid-sentence.
    expect(body).toContain(
      'deception").\n\n## [1:09] Al Alignment and AGI safety\n\n[1:01] So if you start with the field of AI alignment\n\n[1:09] and AGI safety, it has origins.',
    );
    // Turns that start inside a caption paragraph get a time estimated from their words' place in it, marked "~".
    expect(body).toContain(
      '**Been Kim:** [~18:13] We do.\n\n[21:04] Thanks.\n\n## [21:04] Jascha Sohl-Dickstein - More intelligent agents\n\n**Jascha Sohl-Dickstein:** [~21:04] Hey there.',
    );
  });

  it('cuts a heading-split sentence inside a paragraph at the sentence’s start', () => {
    const parsed = parseCaptionMarkdown(
      '## Transcript\n\n[9:06] It helps. Hopefully we take a step towards making\n\n### Make AGI safety mainstream\n\n[9:12] AGI safety mainstream in ML. There are lots.\n',
    );
    const { body } = imported(parsed, ['Ilya Sutskever']);
    expect(body).toBe(
      '**Ilya Sutskever:** [9:06] It helps.\n\n## [9:12] Make AGI safety mainstream\n\n[~9:07] Hopefully we take a step towards making\n\n[9:12] AGI safety mainstream in ML. There are lots.',
    );
  });

  it('keeps every caption paragraph and its time, also one that starts in lower case mid-sentence', () => {
    const parsed = parseCaptionMarkdown(
      '## Transcript\n\n[0:10] We talked about models and how\n\n[0:20] they learn from data. It was fun. Audience member: Was it?\n\n[0:30] and then we stopped.\n',
    );
    const { body } = imported(parsed, ['Ada Lovelace']);
    expect(body).toBe(
      '**Ada Lovelace:** [0:10] We talked about models and how\n\n[0:20] they learn from data. It was fun.\n\n**Audience member:** [~0:27] Was it?\n\n[0:30] and then we stopped.',
    );
  });

  it('keeps automatic captions without punctuation in their paragraphs, each with its time', () => {
    // YouTube's automatic captions: no sentence ends, no labels, one paragraph of 30 words every 15 s.
    const words = (from: number) => Array.from({ length: 30 }, (_, index) => `word${from + index}`).join(' ');
    const paragraphs = Array.from(
      { length: 20 },
      (_, index) => `[${Math.floor((index * 15) / 60)}:${String((index * 15) % 60).padStart(2, '0')}] ${words(index * 30)}`,
    );
    const parsed = parseCaptionMarkdown(`---\ntranscript: {"source": "auto", "language": "en"}\n---\n\n## Transcript\n\n${paragraphs.join('\n\n')}\n`);
    const written = turnsOf(imported(parsed, ['Ada Lovelace']).body).flatMap((turn) => turn.passages);
    expect(written.map((passage) => passage.timestamp?.label)).toEqual(paragraphs.map((paragraph) => /^\[(.*?)\]/.exec(paragraph)?.[1]));
    expect(Math.max(...written.map((passage) => passage.text.split(' ').length))).toBe(30);
  });

  it("keeps a heading in text without sentence ends at the chapter's own time, cutting the text where the chapter starts", () => {
    const auto = [
      '---',
      'transcript: {"source": "auto", "language": "en"}',
      '---',
      '',
      '## Chapters',
      '',
      '- 0:00 Intro',
      '- 0:45 Second part',
      '',
      '## Transcript',
      '',
      '### Intro',
      '',
      '[0:00] so today we are going to talk about models and how they',
      '',
      '[0:15] learn things from data and what that means for all of us',
      '',
      '[0:30] and then there is the question of whether',
      '',
      '### Second part',
      '',
      '[0:45] they generalize and the answer is it depends',
      '',
    ].join('\n');
    const parsed = parseCaptionMarkdown(auto);
    expect(parsed.notes).toContain(
      'line 20: the heading "Second part" cuts a sentence, but no sentence starts within 40 words before it (text without punctuation?); it stays at the chapter\'s time',
    );
    expect(imported(parsed, ['Ada Lovelace']).body).toBe(
      '## [0:00] Intro\n\n**Ada Lovelace:** [0:00] so today we are going to talk about models and how they\n\n[0:15] learn things from data and what that means for all of us\n\n[0:30] and then there is the question of whether\n\n## [0:45] Second part\n\n[0:45] they generalize and the answer is it depends',
    );
  });

  it("opens a heading that moved back at the chapter's time, gives the sentence it moved over an estimate, and keeps the chapter's own paragraph time", () => {
    const human = [
      '## Chapters',
      '',
      '- 0:00 Opening',
      '- 9:06 Make AGI safety mainstream',
      '',
      '## Transcript',
      '',
      '### Opening',
      '',
      '[8:50] It helps. Hopefully we take a step towards making',
      '',
      '### Make AGI safety mainstream',
      '',
      '[9:12] AGI safety mainstream in ML. There are lots.',
      '',
    ].join('\n');
    const { body } = imported(parseCaptionMarkdown(human), ['Ilya Sutskever']);
    // "Hopefully" is the third of the paragraph's ten words: 8:50 + 22 s × 2/10.
    expect(body).toBe(
      '## [0:00] Opening\n\n**Ilya Sutskever:** [8:50] It helps.\n\n## [9:06] Make AGI safety mainstream\n\n[~8:54] Hopefully we take a step towards making\n\n[9:12] AGI safety mainstream in ML. There are lots.',
    );
  });

  it('moves a heading back to a sentence that started a caption paragraph before', () => {
    const parsed = parseCaptionMarkdown('## Transcript\n\n[0:10] First this. Then we\n\n[0:20] go on and\n\n### Part two\n\n[0:30] finish.\n');
    expect(imported(parsed, ['Ada Lovelace']).body).toBe(
      '**Ada Lovelace:** [0:10] First this.\n\n## [0:30] Part two\n\n[~0:15] Then we\n\n[0:20] go on and\n\n[0:30] finish.',
    );
  });

  it("takes a chapter's time from the file's list of chapters, where it has one", () => {
    const parsed = parseCaptionMarkdown(
      '## Chapters\n\n- 0:00 Opening\n- 1:32 Scalable oversight\n\n## Transcript\n\n### Opening\n\n[0:04] Hello. It is\n\n### Scalable oversight\n\n[1:33] time. Go on.\n',
    );
    expect(parsed.chapters.map((chapter) => [chapter.title, chapter.start])).toEqual([
      ['Opening', 0],
      ['Scalable oversight', 92],
    ]);
  });

  it('needs the "## Transcript" heading', () => {
    expect(() => parseCaptionMarkdown('# Title\n\n[0:00] Hi.\n')).toThrow(/expected a "## Transcript" heading/);
  });
});
