import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { validateArchive, type ArchiveReport } from '../../src/lib/content/validate-archive.ts';
import { firstWordOutOfOrder, normalizedWords } from '../../src/lib/transcript/words.ts';
import { DIST } from '../support/paths.ts';
import { entriesByCollection } from '../support/archive-entries.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */

/**
 * The words of a transcript's source as a reader sees them: the body's words, as words.ts counts
 * them, less the markup the page turns into something else. A turn label becomes the speaker's
 * name (checked by the labels' own tests), a timestamp a link, a link's address its href, an entity
 * its character, a footnote definition's marker a list number; a code fence's language is not shown.
 */
function sourceWords(body: string): string[] {
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/(^|\n\n)[ \t]*\*\*[^*\n]+?(?::\*\*|\*\*:)/g, '$1 ')
    .replace(/\[~?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?\]/g, ' ')
    .replace(/\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g, '] ')
    .replace(/^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]+\S+.*$/gm, ' ')
    .replace(/^[ \t]{0,3}\[\^[^\]\n]+\]:/gm, ' ')
    .replace(/&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/gi, ' ')
    .replace(/^([ \t]{0,3}(?:```|~~~)[~`]*)[^\n]*$/gm, '$1');
  return normalizedWords(text);
}

/** Each page's record in the search index: Pagefind's fragment files, gzip with a `pagefind_dcd` signature. */
function searchIndex(): Map<string, { content: string }> {
  const folder = join(DIST, 'pagefind', 'fragment');
  const records = new Map<string, { content: string }>();
  for (const name of readdirSync(folder)) {
    const bytes = gunzipSync(readFileSync(join(folder, name)));
    const signature = bytes.subarray(0, 12).toString('latin1');
    if (signature !== 'pagefind_dcd') throw new Error(`${name}: not a Pagefind fragment (starts with "${signature}")`);
    const record = JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string; content: string };
    records.set(record.url, record);
  }
  return records;
}

/** Time for an archive of 1,000 talks of 8,000 words (about 10 s each); the seed archive takes well under one. */
const LARGE_ARCHIVE = 120_000;

let content: ArchiveReport;
let index: Map<string, { content: string }>;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} has no built site: run npm run build first (npm test does)`);
  content = validateArchive(contentDir());
  index = searchIndex();
}, LARGE_ARCHIVE);

const withTranscript = () => content.talks.filter((talk) => talk.body.trim() !== '');
const page = (path: string) => parse(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
const mismatch = (source: string[], at: number, where: string) =>
  `word ${at} of ${source.length}: the source reads "${source.slice(at, at + 8).join(' ')}", and after "${source.slice(Math.max(0, at - 5), at).join(' ')}" ${where} does not have it`;

describe('nothing lost', () => {
  it('reads a source as the reader sees it: labels, timestamps, addresses and markup are not words', () => {
    const body = [
      '**Ada Lovelace:** [0:05] The engine, [the loom](https://example.org/loom "A loom") &amp; the cards.[^1]',
      '',
      '**Charles**: [1:02:03] Nothing **bold** is lost; `code` neither.',
      '',
      '```python',
      'print(1)',
      '```',
      '',
      '[^1]: A note, with <https://example.org>.',
    ].join('\n');
    expect(sourceWords(body)).toEqual([
      'the',
      'engine',
      'the',
      'loom',
      'the',
      'cards',
      '1',
      'nothing',
      'bold',
      'is',
      'lost',
      'code',
      'neither',
      'print',
      '1',
      'a',
      'note',
      'with',
      'https',
      'example.org',
    ]);
  });

  it(
    'every talk page holds every word of its transcript source, in order',
    () => {
      expect(withTranscript().length).toBeGreaterThan(0);
      for (const talk of withTranscript()) {
        const transcript = page(`talks/${talk.id}`).querySelector('.transcript');
        expect(transcript, `talks/${talk.id}: no transcript on the page`).not.toBeNull();
        const source = sourceWords(talk.body);
        const shown = normalizedWords(transcript!.structuredText);
        const at = firstWordOutOfOrder(source, shown);
        expect(at === -1 ? 'all there' : `${talk.file}: ${mismatch(source, at, 'the page')}`).toBe('all there');
      }
    },
    LARGE_ARCHIVE,
  );

  it('every talk page without a transcript says so', () => {
    for (const talk of content.talks.filter((entry) => entry.body.trim() === '')) {
      expect(page(`talks/${talk.id}`).querySelector('.notice')?.text, talk.file).toContain('No transcript of this');
    }
  });

  it('every talk, speaker, topic and event page is in the search index', () => {
    const missing: string[] = [];
    for (const [folder, entries] of entriesByCollection(content)) {
      for (const entry of entries) if (!index.has(`/${folder}/${entry.id}/`)) missing.push(`/${folder}/${entry.id}/ (${entry.file})`);
    }
    expect(missing).toEqual([]);
  });

  it(
    'the search index holds every word of every transcript, in order',
    () => {
      for (const talk of withTranscript()) {
        const source = sourceWords(talk.body);
        const indexed = normalizedWords(index.get(`/talks/${talk.id}/`)?.content ?? '');
        const at = firstWordOutOfOrder(source, indexed);
        expect(at === -1 ? 'all there' : `${talk.file}: ${mismatch(source, at, 'the search index')}`).toBe('all there');
      }
    },
    LARGE_ARCHIVE,
  );
});
