import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { mapLabels } from '../../src/lib/import/map-labels.ts';
import { decodeEntities } from '../../src/lib/import/text.ts';
import { resultView } from '../../src/lib/search/page-results.ts';
import { paramsFromState, stateFromParams } from '../../src/lib/search/search-state.ts';
import { isTalkSort, matchesSelection } from '../../src/lib/talk-filters.ts';
import { parseTranscript } from '../../src/lib/transcript/parse-transcript.ts';
import { renderTranscript } from '../../src/lib/transcript/render-transcript.ts';
import { anonymousVoice, createLabelResolver, talkLabelResolver } from '../../src/lib/transcript/speaker-labels.ts';
import { renderFilters } from '../../src/client/search/render-results.ts';

// Every lookup by a key that comes from content (labels, slugs, aliases, entity names) or from an
// address (filter values, query parameters, path segments) must find own entries only: a plain
// object would answer "constructor" with Object.prototype's, which once passed the check as an
// anonymous voice and crashed the build.
const KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;
const ADA = { slug: 'ada-lovelace', name: 'Ada Lovelace', aliases: ['Ada'] };
/** A key as a transcript label: underscores escaped, or Markdown reads `__proto__` as bold "proto". */
const asLabel = (key: string) => `**${key.replaceAll('_', '\\_')}:**`;
const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

describe('keys that Object.prototype has', () => {
  it('are no anonymous voice, no speaker and no voice unless declared', () => {
    const resolve = createLabelResolver([ADA]);
    const onPage = talkLabelResolver([ADA], []);
    for (const key of KEYS) {
      expect(anonymousVoice(key), key).toBeUndefined();
      expect(resolve(key), key).toBeUndefined();
      expect(onPage(key), key).toBeUndefined();
    }
  });

  it('name a speaker or a voice when the talk declares them, and render as text', () => {
    const speaker = { slug: 'constructor', name: 'toString', aliases: ['hasOwnProperty'] };
    const onPage = talkLabelResolver([speaker], ['__proto__']);
    expect(KEYS.map((key) => onPage(key)?.name)).toEqual(['toString', '__proto__', 'toString', 'toString']);
    const body = KEYS.map((key) => `${asLabel(key)} Words of ${key}.`).join('\n\n');
    const html = renderTranscript(parseTranscript(body), onPage);
    expect([...html.matchAll(/data-speaker-name="([^"]*)"/g)].map((match) => match[1])).toEqual(['toString', '__proto__', 'toString', 'toString']);
  });

  it('fail the check as labels nobody declared, and as front-matter fields', () => {
    const archive = (edit: (text: string) => string) => {
      const folder = mkdtempSync(join(tmpdir(), 'prototype-keys-'));
      made.push(folder);
      cpSync(resolve(import.meta.dirname, '../fixtures/mini-archive'), folder, { recursive: true });
      const talk = join(folder, 'talks/notes-on-the-engine.md');
      writeFileSync(talk, edit(readFileSync(talk, 'utf8')));
      return validateArchive(folder).issues.map((issue) => formatIssue({ ...issue, file: relative(folder, issue.file) }));
    };
    const frontMatter = (text: string) => text.slice(0, text.indexOf('---\n', 4));
    const body = KEYS.map((key) => `${asLabel(key)} Said by nobody declared.`).join('\n\n');
    expect(archive((text) => `${frontMatter(text)}---\n${body}\n`)).toEqual(
      KEYS.map((key, index): unknown =>
        expect.stringMatching(new RegExp(`^talks/notes-on-the-engine.md:${17 + 2 * index}: transcript label: "${key}" is not one of this talk's speakers`)),
      ),
    );
    expect(archive((text) => `${frontMatter(text)}${KEYS.map((key) => `${key}: x`).join('\n')}\n---\n`)).toEqual([
      `talks/notes-on-the-engine.md:16: constructor: unknown field; the talks schema has no field ${KEYS.map((key) => `"${key}"`).join(', ')} (check the spelling)`,
    ]);
  });

  it('are labels the importer reports as unmapped, not anonymous voices', () => {
    const mappings = mapLabels(
      KEYS.map((label, line) => ({ label, at: { line } })),
      { speakers: [ADA], archive: [ADA], voices: [], explicit: new Map(), strict: false },
    );
    expect([...mappings.values()].map((mapping) => [mapping.label, mapping.how])).toEqual(KEYS.map((key) => [key, 'unmapped']));
  });

  it('are no character references the importer decodes', () => {
    const text = KEYS.map((key) => `&${key};`).join(' ');
    expect(decodeEntities(text)).toBe(text);
    expect(decodeEntities('&tostring; &amp;')).toBe('&tostring; &');
  });

  it('are filter values and parameters like any other in the search page', () => {
    const state = stateFromParams(new URLSearchParams(KEYS.map((key) => `speaker=${key}&${key}=1`).join('&')));
    expect(state).toEqual({ query: '', filters: { speaker: [...KEYS] } });
    expect(paramsFromState(state).toString()).toBe(KEYS.map((key) => `speaker=${encodeURIComponent(key)}`).join('&'));
    // Chosen values the index does not have stay listed, with a count of 0.
    const html = renderFilters({ speaker: { 'Ada Lovelace': 2 } }, state, true);
    for (const key of KEYS) expect(html).toContain(`value="${key}" checked> ${key} <span class="count">(0)</span>`);
  });

  it('are path segments like any other in a search result', () => {
    for (const key of KEYS) {
      const view = resultView({ url: `/${key}/x/`, excerpt: 'e', meta: { title: 'T' }, filters: { kind: ['Talk'] }, sub_results: [] }, new Set());
      expect(view?.facts, key).toEqual(['Talk']);
    }
  });

  it('are filter values and sort orders the talks index does not offer', () => {
    const talk = { values: { speaker: 'ada-lovelace' }, hasTranscript: true, date: '', title: 'T', index: 0 };
    for (const key of KEYS) {
      expect(isTalkSort(key), key).toBe(false);
      expect(matchesSelection(talk, { filters: { speaker: key }, transcriptOnly: false, sort: 'date' }), key).toBe(false);
    }
  });
});
