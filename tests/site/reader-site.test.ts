import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/lib/export/catalogue.ts';
import { contentDir } from '../../src/lib/content/content-dir.ts';
import { validateArchive, type ArchiveReport } from '../../src/lib/content/validate-archive.ts';
import { ADDRESS_GUARD_SCRIPT } from '../../src/lib/address-guard.ts';
import { THEME_INIT_SCRIPT } from '../../src/lib/theme.ts';
import { DIST } from '../support/paths.ts';
import { entriesByCollection } from '../support/archive-entries.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */
/** What a talk page may ship in compressed JavaScript, search aside. */
const TALK_PAGE_JS_BUDGET = 20 * 1024;

const file = (path: string) => readFileSync(join(DIST, path), 'utf8');
const html = (path: string) => parse(file(join(path, 'index.html')));
const xml = (path: string) => {
  const text = file(path);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${path} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) }).parse(text) as unknown;
};
/** The value at a path of element and attribute names in parsed XML. */
const at = (node: unknown, ...path: string[]): unknown => path.reduce((value, key) => (value as Record<string, unknown> | undefined)?.[key], node);

let content: ArchiveReport;
let catalogue: Catalogue;
let origin: string;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no built site: run npm run build first (npm test does)');
  content = validateArchive(contentDir());
  catalogue = JSON.parse(file('catalogue.json')) as Catalogue;
  origin = catalogue.url;
});

const talkUrl = (id: string) => new URL(`talks/${id}/`, origin).href;

describe('the RSS feed', () => {
  it('is well-formed RSS 2.0 with one item per talk, each linking to its page', () => {
    const feed = xml('rss.xml');
    expect(at(feed, 'rss', '@_version')).toBe('2.0');
    const items = at(feed, 'rss', 'channel', 'item') as { title: string; link: string; guid: { '#text': string } }[];
    expect(items.map((item) => item.link).sort()).toEqual(content.talks.map((talk) => talkUrl(talk.id)).sort());
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(item.guid['#text']).toBe(item.link);
    }
  });

  it('is announced in every page head', () => {
    expect(html('').querySelector('link[rel=alternate][type="application/rss+xml"]')?.getAttribute('href')).toBe('/rss.xml');
  });
});

describe('the sitemap', () => {
  it('is a well-formed index whose sitemaps list every talk, speaker, topic and event page, and no error page', () => {
    const index = xml('sitemap-index.xml');
    const sitemaps = (at(index, 'sitemapindex', 'sitemap') as { loc: string }[]).map(({ loc }) => new URL(loc).pathname);
    const locations = sitemaps.flatMap((path) => (at(xml(path), 'urlset', 'url') as { loc: string }[]).map(({ loc }) => loc));
    for (const [folder, entries] of entriesByCollection(content)) {
      for (const entry of entries) expect(locations, `${folder}/${entry.id}`).toContain(new URL(`${folder}/${entry.id}/`, origin).href);
    }
    expect(locations.some((location) => location.includes('404'))).toBe(false);
  });

  it('is named in robots.txt', () => {
    expect(file('robots.txt')).toContain(`Sitemap: ${new URL('sitemap-index.xml', origin).href}`);
  });
});

describe('the JSON catalogue', () => {
  it('lists every talk, speaker, topic and event with its URL', () => {
    for (const [key, entries] of entriesByCollection(content)) {
      const listed = catalogue[key] as { id: string; url: string }[];
      expect(listed.map((entry) => entry.id).sort(), key).toEqual(entries.map((entry) => entry.id).sort());
      for (const entry of listed) expect(existsSync(join(DIST, new URL(entry.url).pathname, 'index.html')), entry.url).toBe(true);
    }
  });

  it('refers only to entries it lists, and never says null', () => {
    const ids = (list: { id: string }[]) => new Set(list.map((entry) => entry.id));
    const [talks, speakers, topics, events] = [ids(catalogue.talks), ids(catalogue.speakers), ids(catalogue.topics), ids(catalogue.events)];
    for (const talk of catalogue.talks) {
      for (const speaker of talk.speakers) expect(speakers.has(speaker.id)).toBe(true);
      for (const topic of talk.topics) expect(topics.has(topic.id)).toBe(true);
      if (talk.event) expect(events.has(talk.event.id)).toBe(true);
    }
    for (const speaker of catalogue.speakers) for (const { id } of speaker.talks) expect(talks.has(id)).toBe(true);
    for (const event of catalogue.events) for (const id of event.talks) expect(talks.has(id)).toBe(true);
    expect(file('catalogue.json')).not.toMatch(/:\s*null\b/);
  });

  it('gives an affiliation only where the speaker entry has one', () => {
    for (const speaker of catalogue.speakers) {
      const entry = content.speakers.find((candidate) => candidate.id === speaker.id);
      expect(speaker.affiliation).toBe(entry?.data.affiliation);
    }
  });

  it('says how much each speaker speaks, matching their page', () => {
    const leike = catalogue.speakers.find((speaker) => speaker.id === 'jan-leike');
    expect(leike?.speaks?.turns).toBeGreaterThan(100);
    const stats = html('speakers/jan-leike').querySelector('.speaker-stats')?.text ?? '';
    expect(stats).toContain(`${leike?.speaks?.turns} turns, ${leike?.speaks?.words.toLocaleString('en')} words`);
  });
});

describe('talk page conventions', () => {
  const talkPages = () => content.talks.map((talk) => ({ id: talk.id, page: html(`talks/${talk.id}`) }));

  it('have a canonical URL, OpenGraph and JSON-LD describing the talk', () => {
    for (const { id, page } of talkPages()) {
      const url = talkUrl(id);
      expect(page.querySelector('link[rel=canonical]')?.getAttribute('href'), id).toBe(url);
      expect(page.querySelector('meta[property="og:url"]')?.getAttribute('content'), id).toBe(url);
      expect(page.querySelector('meta[property="og:type"]')?.getAttribute('content'), id).toBe('article');
      const data = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.text ?? '{}') as Record<string, unknown>;
      expect(['CreativeWork', 'Article', 'BlogPosting'], id).toContain(data['@type']);
      expect(data['url'], id).toBe(url);
    }
  });

  it('link to their source file exactly when a repository is configured', () => {
    for (const { id, page } of talkPages()) {
      const sourceFile = catalogue.talks.find((talk) => talk.id === id)?.sourceFile;
      const link = page.querySelectorAll('a').find((anchor) => anchor.text === 'Correct this page');
      expect(link?.getAttribute('href'), id).toBe(sourceFile);
    }
  });

  it('carry the address guard, then the theme snippet, unchanged, first things that run', () => {
    const head = html('talks/jan-leike-scaling-rlhf').querySelector('head') as HTMLElement;
    const [guard, theme] = head.querySelectorAll('script');
    for (const script of [guard, theme]) expect(script?.getAttribute('type')).toBeUndefined();
    expect(guard?.text).toBe(ADDRESS_GUARD_SCRIPT);
    expect(theme?.text).toBe(THEME_INIT_SCRIPT);
  });

  it(`ship at most ${TALK_PAGE_JS_BUDGET / 1024} KB of compressed JavaScript before the reader presses play, and with the player`, () => {
    const largest = (lazy: boolean) => {
      const sizes = content.talks.map((talk) => ({ id: talk.id, bytes: compressedScriptBytes(`talks/${talk.id}`, { lazy }) }));
      return sizes.reduce((max, size) => (size.bytes > max.bytes ? size : max));
    };
    const [before, after] = [largest(false), largest(true)];
    console.info(`compressed JavaScript per talk page: largest ${before.bytes} bytes before play (${before.id}), ${after.bytes} with the player (${after.id})`);
    expect(before.bytes).toBeLessThanOrEqual(TALK_PAGE_JS_BUDGET);
    expect(after.bytes).toBeLessThanOrEqual(TALK_PAGE_JS_BUDGET);
    // The player is a module of its own, loaded when the reader first presses play.
    expect(after.bytes).toBeGreaterThan(before.bytes);
  });
});

/**
 * Gzipped bytes of a page's scripts: inline ones, external ones and every module they import, each
 * once; with `lazy`, also the modules they load later (`import(…)`), such as the recording's player.
 */
function compressedScriptBytes(path: string, { lazy = false } = {}): number {
  const page = html(path);
  let total = 0;
  const seen = new Set<string>();
  const visit = (sitePath: string) => {
    if (seen.has(sitePath) || sitePath.includes('/pagefind/')) return;
    seen.add(sitePath);
    const code = file(sitePath);
    total += gzipSync(code).length;
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) visit(posix.join(posix.dirname(sitePath), match[1] as string));
    if (lazy)
      for (const match of code.matchAll(/\bimport\(\s*["'`]([^"'`$]+\.m?js)["'`]\s*\)/g)) visit(posix.join(posix.dirname(sitePath), match[1] as string));
  };
  for (const script of page.querySelectorAll('script')) {
    const type = script.getAttribute('type');
    if (type !== undefined && type !== 'module' && type !== 'text/javascript') continue;
    const src = script.getAttribute('src');
    if (src) visit(src);
    else {
      total += gzipSync(script.text).length;
      for (const match of script.text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.m?js)["']/g))
        visit(posix.join(dirname(`/${path}/`), match[1] as string));
    }
  }
  return total;
}
