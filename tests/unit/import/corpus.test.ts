/**
 * Every file of the test corpus imports with no word lost, into the turns and
 * speakers found by reading the file. Expected words are taken from the raw
 * file with this test's own plain rules, not the importer's readers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/lib/import/text.ts';
import { nonSpeechMarks } from '../../../src/lib/transcript/non-speech.ts';
import { CORPUS, ROOT, SAMPLES, bodySpokenWords, entry, importer, scratchArchive, spokenWords, turnCounts, turnsOf } from './helpers.ts';

interface CorpusCase {
  file: string;
  /** Where the file is, when not in the corpus folder. */
  path?: string;
  speakers: string[];
  format: string;
  /** Labelled turns per speaker, counted by reading the file (consecutive labels of one speaker are one turn). */
  turns: Record<string, number>;
  /** The file's spoken words and marks, by plain rules: scaffolding, labels and timestamps removed. */
  text: (raw: string) => string;
  /** Every paragraph has a timestamp. */
  timed: boolean;
}

const lines = (raw: string) => raw.replace(/^\uFEFF/, '').split(/\r?\n/);
const after = (raw: string, marker: RegExp) => lines(raw).slice(lines(raw).findIndex((line) => marker.test(line)) + 1);
const dropLabels = (text: string, labels: RegExp) => text.replace(labels, ' ');

const CASES: CorpusCase[] = [
  {
    file: 'axrp-ep24-superalignment-jan-leike.md',
    format: 'markdown-labels',
    speakers: ['daniel-filan:host', 'jan-leike:guest'],
    turns: { 'Daniel Filan': 103, 'Jan Leike': 101 },
    timed: false,
    text: (raw) => axrpText(raw),
  },
  {
    file: 'axrp-ep38_1-alan-chan-agent-infrastructure.md',
    format: 'markdown-labels',
    speakers: ['daniel-filan:host', 'alan-chan:guest'],
    turns: { 'Daniel Filan': 35, 'Alan Chan': 34 },
    timed: true,
    text: (raw) => axrpText(raw),
  },
  {
    file: 'insideview-2021-06-08-evan-hubinger.md',
    format: 'name-colon',
    speakers: ['michael-trazzi:host', 'evan-hubinger:guest'],
    turns: { 'Michaël Trazzi': 83, 'Evan Hubinger': 83 },
    timed: false,
    text: (raw) => dropLabels(after(raw, /^# Transcript/).join('\n'), /^(Michael|Evan): /gm),
  },
  {
    file: 'insideview-2021-10-24-phil-trammell.md',
    format: 'name-colon',
    speakers: ['michael-trazzi:host', 'phil-trammell:guest'],
    // Labels Michal, Micheal (the host) and Phi (the guest) map through the speakers' aliases.
    turns: { 'Michaël Trazzi': 102, 'Phil Trammell': 101 },
    timed: false,
    text: (raw) => dropLabels(after(raw, /^# Transcript/).join('\n'), /^(Michael|Michal|Micheal|Phil|Phi): /gm),
  },
  {
    file: 'podcasting20-buzzsprout-10-things.vtt',
    format: 'vtt',
    speakers: ['travis', 'sarah', 'gilon'],
    turns: { Travis: 5, Sarah: 2, Gilon: 3 },
    timed: true,
    text: (raw) =>
      lines(raw)
        .filter((line, index) => index > 0 && !line.includes('-->'))
        .join('\n')
        .replace(/<v [^>]*>/g, ' ')
        .replace(/^Gilon: /gm, ' '),
  },
  {
    file: 'podcasting20-buzzsprout-10-things.html',
    format: 'podcasting-html',
    speakers: ['travis', 'sarah', 'gilon'],
    turns: { Travis: 5, Sarah: 2, Gilon: 3 },
    timed: true,
    text: (raw) => decodeEntities(raw.replace(/<(cite|time)>[^<]*<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')),
  },
  {
    file: 'virtualcoffee-s5e9.srt',
    format: 'srt',
    speakers: ['bekah-hawrot-weigel:host', 'dan:host', 'kirk-shillingford:guest'],
    // Full names on first appearance, then first names.
    turns: { 'Bekah Hawrot Weigel': 75, Dan: 70, 'Kirk Shillingford': 54 },
    timed: true,
    text: (raw) =>
      dropLabels(
        lines(raw)
          .filter((line) => !/^\d+$/.test(line) && !line.includes('-->'))
          .join('\n'),
        /^(Bekah Hawrot Weigel|Bekah|Dan|Kirk Shillingford|Kirk): /gm,
      ),
  },
  {
    file: 'karpathy-state-of-gpt.whisper.json',
    format: 'whisper-json',
    speakers: ['andrej-karpathy'],
    // No labels: the introducer's words and the hallucinated closing lines are kept, all under the one speaker.
    turns: { 'Andrej Karpathy': 1 },
    timed: true,
    text: (raw) => (JSON.parse(raw) as { segments: { text: string }[] }).segments.map((segment) => segment.text).join(' '),
  },
  {
    file: 'karpathy-state-of-gpt.whisper.vtt',
    format: 'vtt',
    speakers: ['andrej-karpathy'],
    turns: { 'Andrej Karpathy': 1 },
    timed: true,
    text: (raw) =>
      lines(raw)
        .filter((line, index) => index > 0 && !line.includes('-->'))
        .join('\n'),
  },
  {
    file: '001_b0d9a8fd034dd7b9.txt',
    path: join(ROOT, 'sources/seeds'),
    format: 'seed',
    speakers: ['rob-wiblin:host', 'jan-leike:guest'],
    // 127 and 125 labels; "jan leikeit" (a label glued to its first word) stays text of Rob's turn.
    turns: { 'Rob Wiblin': 125, 'Jan Leike': 125 },
    timed: false,
    text: (raw) => dropLabels(raw, /^(rob wiblin|jan leike) /gm),
  },
];

function axrpText(raw: string): string {
  return after(raw, /^\*\*/)
    .filter((line) => !/^#/.test(line))
    .join('\n')
    .replace(/^\*\*[^*]+\*\*(?: \(\d\d:\d\d(?::\d\d)?\))?:|^\*\*[^*]+:\*\*/gm, ' ')
    .replace(/^\(\d\d:\d\d(?::\d\d)?\):/gm, ' ')
    .replace(/\]\([^)]*\)/g, '')
    .replace(/<(?!\w+@)[^>]*>/g, ' ');
}

describe.each(CASES)('importing $file', (corpusCase) => {
  const content = scratchArchive();
  const source = join(corpusCase.path ?? CORPUS, corpusCase.file);
  const run = importer(
    source,
    '--slug',
    'imported',
    '--title',
    'Imported',
    '--kind',
    'interview',
    ...corpusCase.speakers.flatMap((speaker) => ['--speaker', speaker]),
    '--content',
    content,
  );
  const { body } = entry(join(content, 'talks/imported.md'));
  const raw = readFileSync(source, 'utf8');

  it('succeeds, detecting the format', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`: ${corpusCase.format}, transcript from line`);
  });

  it('has the turns and speakers found by reading the file', () => {
    expect(turnCounts(body)).toEqual(corpusCase.turns);
  });

  it('keeps every spoken word and non-speech mark, in order', () => {
    const expected = corpusCase.text(raw);
    expect(bodySpokenWords(body)).toEqual(spokenWords(expected));
    const marks = turnsOf(body).flatMap((turn) => turn.passages.flatMap((passage) => nonSpeechMarks(passage.text).map((mark) => mark.text)));
    expect(marks).toEqual(nonSpeechMarks(expected.replace(/\s+/g, ' ')).map((mark) => mark.text));
    expect(run.out).toMatch(/words: +([\d,]+) spoken in, \1 out; non-speech marks (\d+) in, \2 out/);
  });

  it(corpusCase.timed ? 'shows a timestamp on every paragraph' : 'has no timestamps, as the source has none', () => {
    const passages = turnsOf(body).flatMap((turn) => turn.passages);
    expect(passages.filter((passage) => passage.timestamp).length).toBe(corpusCase.timed ? passages.length : 0);
  });
});

describe('cue formats become readable paragraphs', () => {
  it('merges the SRT’s 1,311 cues, many of one or two words, into paragraphs that start sentences', () => {
    const content = scratchArchive();
    importer(
      join(CORPUS, 'virtualcoffee-s5e9.srt'),
      '--slug',
      'vc',
      '--title',
      'VC',
      '--kind',
      'interview',
      '--speaker',
      'bekah-hawrot-weigel',
      '--speaker',
      'dan',
      '--speaker',
      'kirk-shillingford',
      '--content',
      content,
    );
    const passages = turnsOf(entry(join(content, 'talks/vc.md')).body).flatMap((turn) => turn.passages);
    expect(passages.length).toBeLessThan(1311 / 4);
    expect(passages.filter((passage) => /^[a-z]/.test(passage.text)).length).toBe(0);
  });

  it('gives the VTT, the HTML and the JSON of one episode the same words and turns', () => {
    const content = scratchArchive();
    const speakers = ['--speaker', 'travis', '--speaker', 'sarah', '--speaker', 'gilon'];
    const files = [
      join(CORPUS, 'podcasting20-buzzsprout-10-things.vtt'),
      join(CORPUS, 'podcasting20-buzzsprout-10-things.html'),
      join(SAMPLES, 'podcasting20-buzzsprout-10-things.json'),
    ];
    const bodies = files.map((file, index) => {
      expect(importer(file, '--slug', `episode-${index}`, '--title', 'Episode', '--kind', 'talk', ...speakers, '--content', content).err).toBe('');
      return entry(join(content, `talks/episode-${index}.md`)).body;
    });
    const [vtt, ...others] = bodies as [string, ...string[]];
    for (const other of others) {
      expect(bodySpokenWords(other)).toEqual(bodySpokenWords(vtt));
      expect(turnsOf(other).map((turn) => turn.label)).toEqual(['Travis', 'Sarah', 'Travis', 'Gilon', 'Travis', 'Gilon', 'Travis', 'Sarah', 'Gilon', 'Travis']);
    }
  });
});
