/**
 * The command as a curator meets it: each kind of bad input gives a clear
 * error naming file and line or cue, and leaves the content folder as it was;
 * --check writes nothing; --force is needed to replace a transcript; new
 * talks, --map, --unlabelled and --part do what they say.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, entry, importer, scratchArchive, snapshot, turnsOf } from './helpers.ts';

const samples = mkdtempSync(join(tmpdir(), 'import-samples-'));
function sample(name: string, text: string | Buffer): string {
  const path = join(samples, name);
  writeFileSync(path, text);
  return path;
}

/** A scratch archive with one talk, "interview", for Michaël Trazzi and Phil Trammell, with an empty body. */
function archiveWithTalk(body = ''): string {
  const content = scratchArchive();
  writeFileSync(
    join(content, 'talks/interview.md'),
    `---\ntitle: An interview # kept as written\nkind: interview\ndate: "2021-10"\nspeakers:\n  - speaker: michael-trazzi\n    role: host\n  - speaker: phil-trammell\n    role: guest\n---\n${body}`,
  );
  return content;
}

const NAME_COLON = 'Michael: Hello Phil.\n\nPhil: Hi. [laughs]\n\nMichal: Good.\n';

describe('bad input fails clearly and changes nothing', () => {
  const cases: { what: string; file: () => string; args?: string[]; message: RegExp }[] = [
    {
      what: 'an unreadable file',
      file: () => join(samples, 'missing.vtt'),
      message: /missing\.vtt: cannot read the transcript: no such file; expected a readable text file/,
    },
    { what: 'a folder instead of a file', file: () => samples, message: /cannot read the transcript: it is a folder, not a file/ },
    {
      what: 'a file that is not UTF-8',
      file: () => sample('latin1.txt', Buffer.from([0x4d, 0x69, 0x63, 0x68, 0x3a, 0x20, 0x0a, 0xe9, 0x74, 0xe9])),
      message: /latin1\.txt:2: the file is not valid UTF-8: byte 0xE9 \("é" in Latin-1\) on this line/,
    },
    {
      what: 'an unknown format',
      file: () => sample('table.csv', 'a,b,c\n1,2,3\n'),
      message: /table\.csv:1: cannot tell the transcript format; expected one of seed, name-colon, .* or name it with --format/,
    },
    {
      what: 'an empty transcript',
      file: () => sample('empty.vtt', 'WEBVTT\n\nNOTE nothing here\n'),
      message: /empty\.vtt:1: no transcript text found \(read as vtt, from line 1\); expected cues with/,
    },
    {
      what: 'an empty caption Markdown transcript',
      file: () => sample('empty.md', '# Talk\n\n## Transcript\n\n### <Untitled Chapter 1>\n'),
      args: ['--format', 'caption-markdown'],
      message: /empty\.md:4: no transcript text found \(read as caption-markdown/,
    },
    {
      what: 'an SRT cue without timing',
      file: () => sample('broken.srt', '1\n00:00:01,000 --> 00:00:02,000\nMichael: Hi.\n\n2\nPhil: no timing\n'),
      message: /broken\.srt:5: cue 2 has no timing line; expected a cue number, then a line such as "00:00:01,000 --> 00:00:04,000"/,
    },
    {
      what: 'broken JSON',
      file: () => sample('broken.json', '{\n  "segments": [\n    {"start": 0, "text": }\n  ]\n}\n'),
      message: /broken\.json:3: not valid JSON/,
    },
    {
      what: 'an unmapped label in strict mode',
      file: () => sample('strict.txt', `${NAME_COLON}\nZed Shaw: Who am I?\n`),
      args: ['--strict'],
      message: /strict\.txt:7: the label "Zed Shaw" is none of this talk's speakers \(Michaël Trazzi, Phil Trammell\).*in strict mode every label must map/,
    },
    {
      what: 'an unmapped label of a cue in strict mode',
      file: () => sample('strict.srt', '1\n00:00:01,000 --> 00:00:02,000\nMichael: Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\nZed Shaw: Hello.\n'),
      args: ['--strict'],
      message: /strict\.srt: cue 2 \(line 6\): the label "Zed Shaw" is none of this talk's speakers/,
    },
    {
      what: 'a --format that does not fit the file',
      file: () => sample('notvtt.vtt', 'Michael: Hi.\n'),
      args: ['--format', 'vtt'],
      message: /notvtt\.vtt:1: not valid WebVTT: .*expected "WEBVTT" on the first line/,
    },
  ];
  it.each(cases)('$what', ({ file, args = [], message }) => {
    const content = archiveWithTalk();
    const before = snapshot(content);
    const run = importer(file(), '--talk', 'interview', ...args, '--content', content);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/^error: /);
    expect(run.err).toMatch(message);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(run.out).toBe('');
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses to replace an existing transcript without --force, naming the file and line', () => {
    const content = archiveWithTalk('**Michaël Trazzi:** An earlier transcript.\n');
    const before = snapshot(content);
    const run = importer(sample('again.txt', NAME_COLON), '--talk', 'interview', '--content', content);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/talks\/interview\.md:11: the talk "interview" has a transcript already \(5 words\); pass --force to replace it/);
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses a new talk whose slug exists, and command-line mistakes, with exit code 2 for the latter', () => {
    const content = archiveWithTalk();
    const before = snapshot(content);
    const file = sample('new.txt', NAME_COLON);
    expect(importer(file, '--slug', 'interview', '--title', 'T', '--kind', 'interview', '--speaker', 'phil-trammell', '--content', content).err).toMatch(
      /the talk "interview" exists already .*use --talk interview/,
    );
    for (const args of [
      [file],
      [file, '--talk', 'interview', '--bogus'],
      [file, '--talk', 'interview', '--format', 'docx'],
      [file, '--talk', 'interview', '--unlabelled', 'drop'],
      [file, '--talk', 'nope'],
      [file, '--slug', 'x', '--title', 'T', '--kind', 'lecture', '--speaker', 'phil-trammell'],
    ]) {
      const run = importer(...args, '--content', content);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err).toMatch(/^error: .*\nRun with --help for the options\.$/s);
    }
    expect(snapshot(content)).toEqual(before);
  });

  it('stops before writing when the result would not pass the archive’s validation', () => {
    const content = archiveWithTalk();
    const before = snapshot(content);
    const run = importer(
      sample('valid.txt', NAME_COLON),
      '--slug',
      'new-talk',
      '--title',
      'T',
      '--kind',
      'interview',
      '--speaker',
      'phil-trammell',
      '--event',
      'no-such-event',
      '--content',
      content,
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/would not pass the archive's validation; nothing was written:\n .*talks\/new-talk\.md:\d+: event: unknown event "no-such-event"/);
    expect(snapshot(content)).toEqual(before);
  });
});

describe('a successful import', () => {
  it('writes nothing with --check, and prints the same summary', () => {
    const content = archiveWithTalk();
    const before = snapshot(content);
    const run = importer(sample('check.txt', NAME_COLON), '--talk', 'interview', '--check', '--content', content);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/--check: nothing was written\.$/);
    expect(run.out).toContain('words:      4 spoken in, 4 out; non-speech marks 1 in, 1 out; labels 3 read, 3 written');
    expect(snapshot(content)).toEqual(before);
  });

  it('reports the source timestamps kept against those read, and how many times are estimates', () => {
    const captions = '## Transcript\n\n[0:10] Michael: We talked about models and how\n\n[0:20] they learn. Phil: Do they?\n\n[0:30] Michael: Yes.\n';
    const run = importer(sample('timed.md', captions), '--talk', 'interview', '--check', '--content', archiveWithTalk());
    expect(run.err).toBe('');
    expect(run.out).toContain('  timestamps: 3 of 3 source timestamps kept, [0:10] to [0:30]; 1 estimated (~), where a turn or paragraph starts inside one\n');
    const cues =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nMichael: Hello\n\n00:00:02.000 --> 00:00:03.000\nthere. <v Phil>Hi.\n\n00:00:03.000 --> 00:00:04.000\nHow are you?\n';
    const merged = importer(sample('cues.vtt', cues), '--talk', 'interview', '--check', '--content', archiveWithTalk());
    expect(merged.out).toContain(
      "  timestamps: 1 paragraphs start at one of the source's 3 cue times, [0:01] to [0:02]; 1 estimated (~), where a turn or paragraph starts inside one\n",
    );
  });

  it('takes a file whose name starts with "-" for the file, and says how to name one that is not there', () => {
    sample('-episode.txt', NAME_COLON);
    const here = process.cwd();
    process.chdir(samples);
    try {
      const content = archiveWithTalk();
      const run = importer('-episode.txt', '--talk', 'interview', '--check', '--content', content);
      expect(run.err).toBe('');
      expect(run.out).toMatch(/^-episode\.txt: name-colon, transcript from line 1/);
      expect(importer('--talk', 'interview', '--check', '--content', content, '--', '-episode.txt').err).toBe('');
      const missing = importer('-missing.txt', '--talk', 'interview', '--content', content);
      expect(missing.code).toBe(2);
      expect(missing.err).toMatch(/Unknown option '-m'.*; to import a file whose name starts with "-", write \.\/-m.* or put it after --/);
    } finally {
      process.chdir(here);
    }
  });

  it('gives a chapter heading without a title no heading, and says so', () => {
    const captions = '## Transcript\n\n[0:10] Michael: Hello.\n\n### \n\n[0:20] Phil: Hi.\n\n###\n\n[0:30] Michael: Bye.\n';
    const content = archiveWithTalk();
    const run = importer(sample('untitled.md', captions), '--talk', 'interview', '--content', content);
    expect(run.err).toBe('');
    expect(run.out).toContain(
      '  note: line 5: a chapter heading without a title; it gets no heading\n  note: line 9: a chapter heading without a title; it gets no heading',
    );
    expect(entry(join(content, 'talks/interview.md')).body).not.toMatch(/^#/m);
    const post = importer(
      sample('untitled-post.md', '**Michael:** Hello.\n\n## <a name="x"></a>\n\n**Phil:** Hi.\n'),
      '--talk',
      'interview',
      '--force',
      '--content',
      content,
    );
    expect(post.out).toContain('note: line 3: a chapter heading without a title; it gets no heading');
    expect(entry(join(content, 'talks/interview.md')).body).toBe('**Michaël Trazzi:** Hello.\n\n**Phil Trammell:** Hi.\n');
  });

  it('keeps the talk’s front matter and comments, and adds the transcript', () => {
    const content = archiveWithTalk();
    const run = importer(
      sample('ok.txt', NAME_COLON),
      '--talk',
      'interview',
      '--provenance',
      'human-transcript',
      '--source',
      'Episode=https://example.org/ep',
      '--content',
      content,
    );
    expect(run.err).toBe('');
    const text = snapshot(content).get('talks/interview.md');
    expect(text).toBe(
      [
        '---',
        'title: An interview # kept as written',
        'kind: interview',
        'date: "2021-10"',
        'speakers:',
        '  - speaker: michael-trazzi',
        '    role: host',
        '  - speaker: phil-trammell',
        '    role: guest',
        'sources:',
        '  - label: Episode',
        '    url: https://example.org/ep',
        'transcript:',
        '  provenance: human-transcript',
        '---',
        '**Michaël Trazzi:** Hello Phil.',
        '',
        '**Phil Trammell:** Hi. [laughs]',
        '',
        '**Michaël Trazzi:** Good.',
        '',
      ].join('\n'),
    );
    expect(readdirSync(join(content, 'talks')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a transcript with --force', () => {
    const content = archiveWithTalk('**Michaël Trazzi:** An earlier transcript.\n');
    expect(importer(sample('force.txt', NAME_COLON), '--talk', 'interview', '--force', '--content', content).code).toBe(0);
    expect(entry(join(content, 'talks/interview.md')).body).toContain('**Phil Trammell:** Hi. [laughs]');
  });

  it('creates a new talk, keeping an unmapped label as a declared voice', () => {
    const content = scratchArchive();
    const run = importer(
      sample('new-voice.txt', `${NAME_COLON}\nRichard Ngo: A question.\n`),
      '--slug',
      'chat',
      '--title',
      'A chat',
      '--kind',
      'interview',
      '--speaker',
      'michael-trazzi:host',
      '--speaker',
      'phil-trammell:guest',
      '--date',
      '2021-10',
      '--content',
      content,
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      '"Richard Ngo" ×1 → NOT MAPPED: Richard Ngo is none of this talk\'s speakers (Michaël Trazzi, Phil Trammell), their aliases or short names, or an anonymous voice; kept as written and added to the talk\'s voices (first at line 7)',
    );
    const { data } = entry(join(content, 'talks/chat.md'));
    expect(data).toEqual({
      title: 'A chat',
      kind: 'interview',
      date: '2021-10',
      speakers: [
        { speaker: 'michael-trazzi', role: 'host' },
        { speaker: 'phil-trammell', role: 'guest' },
      ],
      voices: ['Richard Ngo'],
    });
  });

  it('does not take a single word that names no one for a label, but says so; --voice declares it', () => {
    const file = sample('first-name.txt', `${NAME_COLON}\nRichard: A question.\n\nPhil: Yet. Two: these settings.\n`);
    const content = archiveWithTalk();
    const run = importer(file, '--talk', 'interview', '--check', '--content', content);
    expect(run.out).toContain(
      '  note: line 7: "Richard:" names none of the talk\'s speakers or voices, so it is kept as speech; if it is someone, add the spelling to a speaker\'s aliases, or pass --map "Richard=<slug>" or --voice "Richard"',
    );
    expect(run.out).not.toContain('"Two:"');
    const declared = importer(file, '--talk', 'interview', '--voice', 'Richard', '--content', content);
    expect(declared.err).toBe('');
    expect(turnsOf(entry(join(content, 'talks/interview.md')).body).map((turn) => turn.label)).toEqual([
      'Michaël Trazzi',
      'Phil Trammell',
      'Michaël Trazzi',
      'Richard',
      'Phil Trammell',
    ]);
    expect(entry(join(content, 'talks/interview.md')).data['voices']).toEqual(['Richard']);
  });

  it("maps Q: and A: by the interview convention, from the talk's roles, or asks for --map", () => {
    const file = sample('qa.txt', 'Q: What is it?\n\nA: A talk.\n\nQ: Why?\n');
    const content = archiveWithTalk();
    const run = importer(file, '--talk', 'interview', '--content', content);
    expect(run.err).toBe('');
    expect(run.out).toContain('"Q" ×2 → michael-trazzi (a question, from the host, by the Q/A convention)');
    expect(turnsOf(entry(join(content, 'talks/interview.md')).body).map((turn) => turn.label)).toEqual(['Michaël Trazzi', 'Phil Trammell', 'Michaël Trazzi']);
    writeFileSync(
      join(content, 'talks/panel.md'),
      '---\ntitle: A panel\nkind: panel\nspeakers:\n  - speaker: michael-trazzi\n    role: panelist\n  - speaker: phil-trammell\n    role: panelist\n---\n',
    );
    const open = importer(file, '--talk', 'panel', '--content', content);
    expect(open.code).toBe(1);
    expect(open.err).toMatch(/qa\.txt:3: the label "A" is the Q\/A convention's answer, but it could be Michaël Trazzi, Phil Trammell; pass --map "A=<slug>"/);
    expect(importer(file, '--talk', 'panel', '--map', 'A=phil-trammell', '--content', content).err).toBe('');
  });

  it('maps a label with --map, and attributes unlabelled paragraphs as asked', () => {
    const content = archiveWithTalk();
    const file = sample('unlabelled.txt', 'Host: Welcome.\n\nA question from the floor?\n\nPhil: An answer.\n');
    expect(importer(file, '--talk', 'interview', '--map', 'Host=michael-trazzi', '--unlabelled', 'audience', '--content', content).code).toBe(0);
    expect(turnsOf(entry(join(content, 'talks/interview.md')).body).map((turn) => turn.label)).toEqual(['Michaël Trazzi', 'Audience member', 'Phil Trammell']);
  });

  it('gives text before the first label to a talk’s only speaker', () => {
    const content = scratchArchive();
    importer(
      join(CORPUS, 'karpathy-state-of-gpt.whisper.vtt'),
      '--slug',
      'gpt',
      '--title',
      'State of GPT',
      '--kind',
      'talk',
      '--speaker',
      'andrej-karpathy',
      '--content',
      content,
    );
    expect(turnsOf(entry(join(content, 'talks/gpt.md')).body).map((turn) => turn.label)).toEqual(['Andrej Karpathy']);
  });
});

describe('--part: one recording cut into several talks', () => {
  const recording = [
    '---',
    'url: "https://www.youtube.com/watch?v=abcdefghijk"',
    'duration_seconds: 150',
    'transcript: {"source": "manual", "language": "en-US"}',
    '---',
    '',
    '## Transcript',
    '',
    '### <Untitled Chapter 1>',
    '',
    '[0:01] Presenter: Welcome. Over to Michael.',
    '',
    '### Michael - First talk',
    '',
    '[0:30] Michael: My talk. Audience member: [Inaudible] Michael: Yes.',
    '',
    '[1:00] Presenter: Thanks. Next is Phil.',
    '',
    '### Phil - Second talk',
    '',
    '[1:30] Thanks. Phil: My talk, which',
    '',
    '[2:00] goes on. Presenter: Thank you all.',
    '',
  ].join('\n');

  it('puts every segment on exactly one page, in order, with provenance and a timed link', () => {
    const content = scratchArchive();
    for (const [slug, speaker] of [
      ['first', 'michael-trazzi'],
      ['second', 'phil-trammell'],
    ]) {
      mkdirSync(join(content, 'talks'), { recursive: true });
      writeFileSync(
        join(content, `talks/${slug}.md`),
        `---\ntitle: ${slug}\nkind: lightning-talk\nspeakers:\n  - speaker: ${speaker}\n    role: speaker\n---\n`,
      );
    }
    const run = importer(sample('session.md', recording), '--part', '0:30=first', '--part', '1:30=second', '--content', content);
    expect(run.err).toBe('');
    const first = entry(join(content, 'talks/first.md'));
    const second = entry(join(content, 'talks/second.md'));
    expect(first.body).toBe(
      '**Presenter:** [0:01] Welcome. Over to Michael.\n\n## [0:30] Michael - First talk\n\n**Michaël Trazzi:** [0:30] My talk.\n\n**Audience member:** [~0:45] [Inaudible]\n\n**Michaël Trazzi:** [~0:52] Yes.\n\n**Presenter:** [1:00] Thanks. Next is Phil.\n\n[1:30] Thanks.\n',
    );
    // A part that starts inside a caption paragraph starts at an estimate: its first words come after the paragraph's time.
    expect(second.body).toBe('**Phil Trammell:** [~1:37] My talk, which\n\n[2:00] goes on.\n\n**Presenter:** [~2:12] Thank you all.\n');
    // Each part knows where it lies in the recording: from its time to the next part's, the last to the end.
    expect(first.data['sources']).toEqual([
      { label: 'Recording (YouTube), from 0:30', url: 'https://www.youtube.com/watch?v=abcdefghijk&t=30s', duration: '2:30', start: '0:30', end: '1:30' },
    ]);
    expect(second.data['sources']).toEqual([
      { label: 'Recording (YouTube), from 1:30', url: 'https://www.youtube.com/watch?v=abcdefghijk&t=90s', duration: '2:30', start: '1:30' },
    ]);
    expect(readFileSync(join(content, 'talks/second.md'), 'utf8')).toContain('    duration: "2:30"\n    start: "1:30"\n');
    expect(second.data['transcript']).toEqual({ provenance: 'captions', origin: 'Human-made captions of the recording', language: 'en-US' });
    expect(run.out).toContain('the chapter heading "Phil - Second talk" opens this part');
  });

  it('fails when a part’s speaker never speaks after its time', () => {
    const content = scratchArchive();
    writeFileSync(join(content, 'talks/first.md'), '---\ntitle: first\nkind: lightning-talk\nspeakers:\n  - speaker: michael-trazzi\n---\n');
    writeFileSync(join(content, 'talks/second.md'), '---\ntitle: second\nkind: lightning-talk\nspeakers:\n  - speaker: evan-hubinger\n---\n');
    const before = snapshot(content);
    const run = importer(sample('session2.md', recording), '--part', '0:30=first', '--part', '1:30=second', '--content', content);
    expect(run.err).toMatch(/--part 1:30=second: no turn labelled as Evan Hubinger at or after 1:30/);
    expect(snapshot(content)).toEqual(before);
  });
});
