import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertSeeds, repairGluedLabels, stripAddedMarkup } from '../../scripts/convert-seeds.ts';
import { unescapeMarkdown } from '../../src/lib/escape-markdown.ts';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { parseEntryFile } from '../../src/lib/content/front-matter.ts';
import { listFiles } from '../../src/lib/content/read-collection.ts';
import { validateArchive, type ArchiveReport } from '../../src/lib/content/validate-archive.ts';
import { createMarkdown } from '../../src/lib/transcript/markdown.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { normalizedWords } from '../../src/lib/transcript/words.ts';
import { ROOT } from '../support/paths.ts';

const SEEDS = resolve(import.meta.dirname, '../../sources/seeds');
const made: string[] = [];

function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(prefix));
  if (name === undefined) throw new Error(`no seed ${prefix}* in ${SEEDS}`);
  return readFileSync(join(SEEDS, name), 'utf8');
}

function convertIntoTemporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'seed-conversion-'));
  made.push(folder);
  convertSeeds(SEEDS, folder);
  return folder;
}

/** Every file below the folder, by path relative to it, with its text. */
function filesIn(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((path) => [relative(folder, path), readFileSync(path, 'utf8')]));
}

function paragraphsOf(body: string): string[] {
  return body.trim().split(/\n\n/);
}

/** What a reader sees of a body, without any whitespace: the rendered HTML's text. */
function visibleCharacters(body: string): string {
  const html = createMarkdown().render(body);
  return html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, '');
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');
const WORKSHOP = 'sf-alignment-workshop-2023';

let folder: string;
let report: ArchiveReport;
const talk = (id: string) => {
  const entry = report.talks.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no talk ${id}`);
  return entry;
};

beforeAll(() => {
  folder = convertIntoTemporaryFolder();
  report = validateArchive(folder);
});

afterAll(() => {
  for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('convertSeeds', () => {
  it('writes an archive that passes validation', () => {
    expect(report.issues.map(formatIssue)).toEqual([]);
  });

  it('reads the workshop programme into 26 talks: 7, 9 and 10 per session, in programme order', () => {
    const programme = seed('000_');
    const workshop = report.talks.filter((entry) => entry.valid.event === WORKSHOP);
    expect(workshop).toHaveLength(26);
    const sessions = { main: 7, 'lightning-day-1': 9, 'lightning-day-2': 10 };
    let previousPosition = -1;
    for (const [session, count] of Object.entries(sessions)) {
      const talks = workshop.filter((entry) => entry.valid.session === session).sort((a, b) => (a.valid.order ?? 0) - (b.valid.order ?? 0));
      expect(talks.map((entry) => entry.valid.order)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
      expect(new Set(talks.map((entry) => entry.valid.kind))).toEqual(new Set([session === 'main' ? 'talk' : 'lightning-talk']));
      for (const entry of talks) {
        const position = programme.indexOf(` - ${entry.valid.title}`);
        expect(position, entry.valid.title).toBeGreaterThan(previousPosition);
        previousPosition = position;
        expect(entry.body.trim()).toBe('');
      }
    }
    expect(workshop.filter((entry) => entry.valid.speakers[0]?.speaker === 'paul-christiano')).toHaveLength(2);
  });

  it('writes 29 talks, 29 speakers and 18 topics, 7, 6 and 5 per category', () => {
    expect(report.talks).toHaveLength(29);
    expect(report.speakers).toHaveLength(29);
    expect(report.events).toHaveLength(1);
    const perCategory = new Map<string, number>();
    for (const topic of report.topics) perCategory.set(topic.valid.category, (perCategory.get(topic.valid.category) ?? 0) + 1);
    expect(Object.fromEntries(perCategory)).toEqual({
      'Scientific understanding of LLMs': 7,
      'Development and deployment methods': 6,
      'Sociotechnical challenges': 5,
    });
  });

  it('keeps each of the interview’s 396 paragraphs, as turns of its two speakers, word for word', () => {
    const interview = seed('001_');
    const { body } = talk('jan-leike-superalignment-interview');
    expect(paragraphsOf(body)).toHaveLength(396);
    const turns = parseTranscript(body).blocks.flatMap((block) => (block.kind === 'turn' ? [block] : []));
    expect(turns.flatMap((turn) => turn.passages)).toHaveLength(396);
    expect(new Set(turns.map((turn) => turn.label))).toEqual(new Set(['rob wiblin', 'jan leike']));
    // The one repair puts back the space the seed lost after a label, and nothing else.
    expect(withoutWhitespace(repairGluedLabels(interview))).toBe(withoutWhitespace(interview));
    expect(normalizedWords(stripAddedMarkup(body))).toEqual(normalizedWords(repairGluedLabels(interview)));
  });

  it('keeps every word of the essay, with its 9 footnotes as footnotes', () => {
    const { body } = talk('zac-hatfield-dodds-concrete-reasons-for-hope');
    expect(body.match(/^\[\^\d+\]: /gm)).toHaveLength(9);
    expect(normalizedWords(stripAddedMarkup(body))).toEqual(normalizedWords(seed('002_').replaceAll('↩︎', '')));
  });

  it('keeps every word of the agenda post', () => {
    const { body } = talk('krueger-anwar-llm-safety-research-agenda');
    expect(body.match(/^\[\^\d+\]: /gm)).toHaveLength(1);
    expect(normalizedWords(stripAddedMarkup(body))).toEqual(normalizedWords(seed('003_')));
  });

  it('renders every character of the texts as the seeds have it', () => {
    const visibleBody = (id: string) => visibleCharacters(talk(id).body);
    // Rendered footnotes show "[1]" markers and "↩︎" back-links, as the seeds do; the post's "^" back-link becomes one.
    expect(visibleBody('zac-hatfield-dodds-concrete-reasons-for-hope')).toBe(withoutWhitespace(seed('002_')));
    expect(visibleBody('krueger-anwar-llm-safety-research-agenda')).toBe(`${withoutWhitespace(seed('003_').replace('^ I believe', 'I believe'))}↩︎`);
    const interviewBody = talk('jan-leike-superalignment-interview').body.replace(/^\*\*(.+?):\*\*/gm, '**$1**');
    expect(visibleCharacters(interviewBody)).toBe(withoutWhitespace(seed('001_')));
  });

  it('takes every topic text verbatim from the agenda post', () => {
    const post = seed('003_');
    for (const topic of report.topics) {
      expect(topic.valid.source).toBe('krueger-anwar-llm-safety-research-agenda');
      for (const paragraph of paragraphsOf(topic.body)) expect(post, topic.id).toContain(unescapeMarkdown(paragraph));
    }
  });

  it('rewrites the same files on a second run', () => {
    expect(filesIn(convertIntoTemporaryFolder())).toEqual(filesIn(folder));
  });

  it('matches the committed content: the fields the seeds decide are not edited by hand', () => {
    for (const [path, text] of filesIn(folder)) {
      const committed = readFileSync(join(ROOT, 'content', path), 'utf8');
      const addedLater = ADDED_LATER[path.split('/')[0] ?? ''];
      const fresh = dataOf(text, path);
      if (!addedLater || (path.startsWith('talks/') && fresh['event'] !== WORKSHOP)) {
        expect(committed, `content/${path}`).toBe(text);
        continue;
      }
      const kept = dataOf(committed, path);
      for (const [field, value] of Object.entries(fresh)) expect(kept[field], `content/${path}: ${field}`).toEqual(value);
      const extra = Object.keys(kept).filter((field) => !(field in fresh));
      expect(
        extra.filter((field) => !addedLater.includes(field)),
        `content/${path}: fields the seeds decide but leave unset`,
      ).toEqual([]);
    }
  });

  it("keeps imported transcripts, their fields and speakers' aliases when run over the committed content", () => {
    const copy = mkdtempSync(join(tmpdir(), 'seed-conversion-over-'));
    made.push(copy);
    cpSync(join(ROOT, 'content'), copy, { recursive: true });
    convertSeeds(SEEDS, copy);
    expect(filesIn(copy)).toEqual(filesIn(join(ROOT, 'content')));
  });
});

/** Fields others add to a converted entry: the importer's on workshop talks, curators' on speakers. */
const ADDED_LATER: Record<string, readonly string[]> = {
  talks: ['voices', 'sources', 'transcript', 'summary'],
  speakers: ['aliases', 'links', 'affiliation', 'sortName'],
};

function dataOf(text: string, path: string): Record<string, unknown> {
  const entry = parseEntryFile(text, path);
  if ('message' in entry) throw new Error(`${path}: ${entry.message}`);
  return entry.data;
}
