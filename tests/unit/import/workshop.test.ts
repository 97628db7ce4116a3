/**
 * The 2023 workshop's transcripts on their talk pages: every word of each
 * source file is on exactly one page, in order; each page states provenance
 * and links to the recording; and the committed pages are what the importer
 * makes from the sources today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/lib/import/text.ts';
import { nonSpeechMarks } from '../../../src/lib/transcript/non-speech.ts';
import { ROOT, bodySpokenWords, entry, importer, scratchArchive, snapshot, spokenWords, turnsOf } from './helpers.ts';

const SOURCES = join(ROOT, 'sources/alignment-workshop-2023');
const TALKS = join(ROOT, 'content/talks');
const ORIGIN = "Human-made captions of the workshop's recording (FAR.AI), as collected in curtcox/AI-Safety-YouTube";

interface Recording {
  file: string;
  /** Talk pages in recording order, with where each starts: a chapter's time, or for Percy Liang his first turn. */
  pages: [string, string][];
  /** The speaker labels found by reading the file (not the importer): names, the chair, the audience, first names. */
  labels: string[];
  /** The people named by first name only, declared with --voice as the sources' README does. */
  voices?: string[];
}

const RECORDINGS: Recording[] = [
  { file: 'farai-sf2023-ilya-sutskever-opening-remarks.md', pages: [['', 'ilya-sutskever-opening-remarks']], labels: [] },
  {
    file: 'farai-sf2023-jacob-steinhardt-aligning-massive-models.md',
    pages: [['', 'jacob-steinhardt-aligning-massive-models']],
    labels: ['Jacob Steinhardt', 'Audience member'],
  },
  {
    file: 'farai-sf2023-ajeya-cotra-situational-awareness.md',
    pages: [['', 'ajeya-cotra-situational-awareness']],
    labels: ['Ajeya Cotra', 'Audience member', 'Richard', 'Alain', 'Ilya Sutskever', 'Percy'],
    voices: ['Richard', 'Alain', 'Percy'],
  },
  { file: 'farai-sf2023-jan-leike-scaling-rlhf.md', pages: [['', 'jan-leike-scaling-rlhf']], labels: ['Jan Leike', 'Audience member', 'Jacob Steinhardt'] },
  {
    file: 'farai-sf2023-paul-christiano-takeover.md',
    pages: [['', 'paul-christiano-misalignment-takeover']],
    labels: ['Paul Christiano', 'Audience member', 'Richard'],
    voices: ['Richard'],
  },
  {
    file: 'farai-sf2023-lightning-talks-day-1.md',
    pages: [
      ['2:49', 'jason-wei-emergent-abilities'],
      ['8:47', 'martin-wattenberg-emergent-world-models'],
      ['15:01', 'been-kim-alignment-setbacks'],
      ['21:04', 'jascha-sohl-dickstein-more-intelligent-agents'],
      ['28:07', 'ethan-perez-model-written-evals'],
      ['36:16', 'daniel-brown-preference-based-reward'],
      ['43:25', 'boaz-barak-alignment-and-utility'],
      ['52:23', 'ellie-pavlick-comparing-neural-networks'],
      ['1:00:00', 'percy-liang-transparency-standards'],
    ],
    labels: [
      'Presenter',
      'Audience member',
      'Jason Wei',
      'Martin Wattenberg',
      'Been Kim',
      'Jacob Steinhardt',
      'Jascha Sohl-Dickstein',
      'Ethan Perez',
      'Daniel Brown',
      'Boaz Barak',
      'Ellie Pavlick',
      'Percy Liang',
    ],
  },
  {
    file: 'farai-sf2023-lightning-talks-day-2.md',
    pages: [
      ['0:02', 'sam-bowman-scalable-oversight'],
      ['5:33', 'zico-kolter-safe-mode'],
      ['12:31', 'roger-grosse-understanding-llm-generalization'],
      ['20:46', 'scott-niekum-models-human-preferences'],
      ['29:20', 'aleksander-madry-faster-datamodels'],
      ['38:02', 'andreas-stuhlmuller-iterated-decomposition'],
      ['44:06', 'paul-christiano-mechanistic-anomaly-detection'],
      ['52:15', 'lionel-levine-social-dynamics'],
      ['1:00:31', 'vincent-conitzer-foundations-cooperative-ai'],
      ['1:07:56', 'scott-aaronson-cryptographic-backdoors'],
    ],
    labels: [
      'Presenter',
      'Audience member',
      'Sam Bowman',
      'Zico Kolter',
      'Roger Grosse',
      'Scott Niekum',
      'David',
      'Alexander Madre',
      'Andreas Stuhlmuller',
      'Paul Christiano',
      'Jacob Steinhardt',
      'Lionel Levine',
      'Vincent Conitzer',
      'Scott Aaronson',
      'Alex',
    ],
    voices: ['David', 'Alex'],
  },
];

/** The file's transcript with this test's own rules: paragraphs after "## Transcript", headings and timestamps out, entities decoded. */
function transcriptOf(raw: string): string {
  const lines = raw.split('\n');
  return decodeEntities(
    lines
      .slice(lines.indexOf('## Transcript') + 1)
      .filter((line) => !line.startsWith('### ') && !line.startsWith('_Source: '))
      .map((line) => line.replace(/^\[(?:\d+:)?\d+:\d\d\] /, ''))
      .join('\n'),
  );
}

// A label opens a paragraph, follows a sentence's end, or follows a word cut off with a hyphen ("like- Paul Christiano: ").
const labelPattern = (labels: readonly string[]) => new RegExp(`(^|(?<=[.?!\\])] |\\p{L}- ))(${labels.join('|')}): `, 'gmu');

const seconds = (time: string) => time.split(':').reduce((total, part) => total * 60 + Number(part), 0);

describe.each(RECORDINGS)('$file', ({ file, pages, labels, voices = [] }) => {
  const raw = readFileSync(join(SOURCES, file), 'utf8');
  const url = /^url: "(.+)"$/m.exec(raw)?.[1] as string;
  const entries = pages.map(([, slug]) => entry(join(TALKS, `${slug}.md`)));
  const transcript = transcriptOf(raw);

  it('has every spoken word of the file on exactly one page, in recording order', () => {
    const expected = spokenWords(labels.length > 0 ? transcript.replace(labelPattern(labels), ' ') : transcript);
    expect(entries.flatMap((page) => bodySpokenWords(page.body))).toEqual(expected);
  });

  it('has every non-speech mark and every label, as turns', () => {
    const marks = entries.flatMap((page) =>
      turnsOf(page.body).flatMap((turn) => turn.passages.flatMap((passage) => nonSpeechMarks(passage.text).map((mark) => mark.text))),
    );
    expect(marks).toEqual(nonSpeechMarks(transcript.replace(/\s+/g, ' ')).map((mark) => mark.text));
    const labelled = entries.flatMap((page) => turnsOf(page.body).filter((turn) => !turn.continued));
    const labelsInFile = labels.length > 0 ? (transcript.match(labelPattern(labels)) ?? []).length : 0;
    // Each label opens a turn; a file or part without a label at its start has one turn more (its only speaker, or a continuation).
    expect(labelled.length - labelsInFile).toBe(pages.length === 1 && labels.length === 0 ? 1 : 0);
  });

  it('states on each page where the transcript comes from, and links to the recording at the part’s start, with its length and span', () => {
    const duration = Number(/^duration_seconds: (\d+)$/m.exec(raw)?.[1]);
    const clock = (total: number) =>
      [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
        .map((part, index) => (index === 0 ? String(part) : String(part).padStart(2, '0')))
        .join(':')
        .replace(/^0:0?/, '');
    expect(clock(duration)).toMatch(/^\d+:\d\d(:\d\d)?$/);
    pages.forEach(([time, slug], index) => {
      const data = entries[index]?.data as Record<string, unknown>;
      expect(data['transcript'], slug).toEqual({ provenance: 'captions', origin: ORIGIN, language: 'en-US' });
      const next = pages[index + 1]?.[0];
      const link =
        time === ''
          ? { label: 'Recording (YouTube)', url, duration: clock(duration) }
          : {
              label: `Recording (YouTube), from ${time}`,
              url: `${url}&t=${seconds(time)}s`,
              duration: clock(duration),
              start: time,
              ...(next && { end: next }),
            };
      expect(data['sources'], slug).toEqual([link]);
    });
  });

  it('starts each part with its own speaker', () => {
    pages.slice(1).forEach(([, slug], index) => {
      const page = entries[index + 1] as { data: Record<string, unknown>; body: string };
      const speaker = (page.data['speakers'] as { speaker: string }[])[0]?.speaker as string;
      const name = entry(join(ROOT, 'content/speakers', `${speaker}.md`)).data['name'];
      expect(turnsOf(page.body)[0]?.label, slug).toBe(name);
    });
  });

  it('is what the importer makes from the source today', () => {
    const content = scratchArchive(join(ROOT, 'content'));
    const where = pages.length === 1 ? ['--talk', pages[0]?.[1] as string] : pages.flatMap(([time, slug]) => ['--part', `${time}=${slug}`]);
    const run = importer(join(SOURCES, file), ...where, '--origin', ORIGIN, ...voices.flatMap((voice) => ['--voice', voice]), '--force', '--content', content);
    expect(run.err).toBe('');
    const fresh = snapshot(content);
    for (const [, slug] of pages) expect(fresh.get(`talks/${slug}.md`), slug).toBe(readFileSync(join(TALKS, `${slug}.md`), 'utf8'));
  });
});
