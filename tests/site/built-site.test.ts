import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { validateArchive, type ArchiveReport } from '../../src/lib/content/validate-archive.ts';
import { firstWordDifference, normalizedWords } from '../../src/lib/transcript/words.ts';
import { repairGluedLabels } from '../../scripts/convert-seeds.ts';
import { DIST } from '../support/paths.ts';
import { entriesByCollection } from '../support/archive-entries.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */
const SEEDS = resolve(import.meta.dirname, '../../sources/seeds');
const INTERVIEW = 'jan-leike-superalignment-interview';

const page = (path: string) => join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
const html = (path: string) => parse(readFileSync(page(path), 'utf8'));

let content: ArchiveReport;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no built site: run npm run build first (npm test does)');
  content = validateArchive(contentDir());
});

describe('the built site', () => {
  it('has the home, index, about and 404 pages', () => {
    for (const path of ['', 'talks', 'speakers', 'topics', 'events', 'about', '404.html']) {
      expect(existsSync(page(path)), `missing ${page(path)}`).toBe(true);
    }
  });

  it('has a page for every talk, speaker, topic and event in the content', () => {
    for (const [folder, entries] of entriesByCollection(content)) {
      for (const entry of entries) expect(existsSync(page(`${folder}/${entry.id}`)), `no page for ${folder}/${entry.id}`).toBe(true);
    }
  });

  it('builds the seed archive: 29 talks, 29 speakers, 18 topics and the workshop', () => {
    expect(content.talks.length).toBeGreaterThanOrEqual(29);
    expect(content.speakers.length).toBeGreaterThanOrEqual(29);
    expect(content.topics.length).toBe(18);
    expect(existsSync(page('events/sf-alignment-workshop-2023'))).toBe(true);
  });

  it('shows the workshop programme by session, in order', () => {
    const sessions = html('events/sf-alignment-workshop-2023').querySelectorAll('main section');
    expect(sessions.map((section) => section.querySelector('h3')?.text)).toEqual(['Main Talks', 'Lightning talks (Day 1)', 'Lightning talks (Day 2)']);
    expect(sessions.map((section) => section.querySelectorAll('li').length)).toEqual([7, 9, 10]);
    expect(sessions[0]?.querySelector('li h4')?.text).toBe('Opening Remarks: Confronting the Possibility of AGI');
  });

  it('says plainly when a talk has no transcript', () => {
    const talk = content.talks.find((entry) => entry.body.trim() === '');
    expect(talk, 'the seed archive has talks without transcript').toBeDefined();
    expect(html(`talks/${talk!.id}`).querySelector('.notice')?.text).toContain('No transcript of this');
  });

  // One paragraph of the seed runs its label into the first word ("jan leikeit"); the
  // conversion adds that one space (see GLUED_LABELS), and nothing else.
  it('renders the interview as speaker turns holding every word of seed 001, in order, and nothing else', () => {
    const transcript = html(`talks/${INTERVIEW}`).querySelector('.transcript');
    expect(transcript).not.toBeNull();
    const speakers = new Set(transcript!.querySelectorAll('.turn').map((turn) => turn.getAttribute('data-speaker')));
    expect(speakers).toEqual(new Set(['rob-wiblin', 'jan-leike']));
    const seedWords = normalizedWords(repairGluedLabels(readFileSync(join(SEEDS, '001_b0d9a8fd034dd7b9.txt'), 'utf8')));
    const pageWords = normalizedWords(transcript!.structuredText);
    // Labels show the speaker's name, which the seed writes at the start of each turn: the words match one for one.
    const at = firstWordDifference(seedWords, pageWords);
    expect(at, `at word ${at} the seed reads "${seedWords.slice(at, at + 8).join(' ')}", the page "${pageWords.slice(at, at + 8).join(' ')}"`).toBe(-1);
  });

  it('gives every passage of the interview a unique id', () => {
    const ids = html(`talks/${INTERVIEW}`)
      .querySelectorAll('.transcript [id]')
      .map((element) => element.id);
    expect(ids.length).toBeGreaterThanOrEqual(396);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders the essay footnotes as footnotes', () => {
    const essay = html('talks/zac-hatfield-dodds-concrete-reasons-for-hope');
    expect(essay.querySelectorAll('.footnote-ref').length).toBe(9);
    expect(essay.querySelectorAll('.footnotes li').length).toBe(9);
  });

  it('groups the topics index by the agenda’s three categories', () => {
    const headings = html('topics')
      .querySelectorAll('main h2')
      .map((heading) => heading.text);
    expect(headings).toEqual(['Scientific understanding of LLMs', 'Development and deployment methods', 'Sociotechnical challenges']);
  });
});
