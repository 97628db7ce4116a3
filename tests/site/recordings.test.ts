import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue, CatalogueTalk } from '../../src/lib/export/catalogue.ts';
import { htmlFiles } from '../../src/lib/output/html-files.ts';
import { DIST } from '../support/paths.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */
const SOURCES = resolve(import.meta.dirname, '../../sources/alignment-workshop-2023');
const file = (path: string) => readFileSync(join(DIST, path), 'utf8');
const page = (id: string) => parse(file(`talks/${id}/index.html`));
const seconds = (label: string) => label.split(':').reduce((total, part) => total * 60 + Number(part), 0);
const policyOf = (root: HTMLElement) => root.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';

let catalogue: Catalogue;
let recorded: CatalogueTalk[];
beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no built site: run npm run build first (npm test does)');
  catalogue = JSON.parse(file('catalogue.json')) as Catalogue;
  recorded = catalogue.talks.filter((talk) => talk.recording);
});

/** The YouTube id and the length in seconds that a workshop caption file gives for its recording. */
function captionFile(name: string): { id: string; duration: number } {
  const text = readFileSync(join(SOURCES, name), 'utf8');
  return { id: /^id: "(.+)"$/m.exec(text)?.[1] ?? '', duration: Number(/^duration_seconds: (\d+)$/m.exec(text)?.[1]) };
}

describe('talk pages with a recording', () => {
  it('are every workshop talk with a transcript, and they have a player', () => {
    const workshop = catalogue.talks.filter((talk) => talk.event?.id === 'sf-alignment-workshop-2023' && talk.transcript);
    expect(workshop.length).toBeGreaterThanOrEqual(23);
    expect(workshop.filter((talk) => !talk.recording).map((talk) => talk.id)).toEqual([]);
    for (const talk of catalogue.talks) expect(page(talk.id).querySelector('#recording') !== null, talk.id).toBe(talk.recording !== undefined);
  });

  it('name nothing from another site that a browser would fetch, connect to or prefetch before play', () => {
    const fetched =
      'script[src], img, iframe, video, audio, source, embed, object, link[rel~="preconnect"], link[rel~="dns-prefetch"], link[rel~="preload"], link[rel~="prefetch"], link[rel~="modulepreload"], link[rel~="stylesheet"], link[rel~="icon"]';
    for (const talk of recorded) {
      const root = page(talk.id);
      for (const element of root.querySelectorAll(fetched)) {
        const address = element.getAttribute('src') ?? element.getAttribute('href') ?? element.getAttribute('data') ?? '';
        expect(address.startsWith('/') && !address.startsWith('//'), `${talk.id}: ${element.outerHTML.slice(0, 120)}`).toBe(true);
      }
      expect(root.querySelectorAll('iframe, video, audio'), talk.id).toHaveLength(0);
    }
  });

  it('play every time in the transcript, its chapters and its contents from that time; without script each is a link to the recording at that second', () => {
    let checked = 0;
    for (const talk of recorded) {
      const root = page(talk.id);
      const videoId = new URL(talk.recording?.url ?? '').searchParams.get('v');
      for (const link of root.querySelectorAll('main a.timestamp')) {
        const time = seconds(link.querySelector('time')?.textContent ?? '');
        expect(link.getAttribute('data-t'), talk.id).toBe(String(time));
        expect(link.getAttribute('href'), talk.id).toBe(`https://www.youtube.com/watch?v=${videoId}&t=${time}s`);
        checked += 1;
      }
      const facade = root.querySelector('.player-facade');
      expect(facade?.getAttribute('href')).toBe(`https://www.youtube.com/watch?v=${videoId}&t=${talk.recording?.start}s`);
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('start each lightning talk at its own part of its session’s recording, and give its length there', () => {
    const day2 = captionFile('farai-sf2023-lightning-talks-day-2.md');
    const conitzer = catalogue.talks.find((talk) => talk.id === 'vincent-conitzer-foundations-cooperative-ai');
    expect(conitzer?.recording).toMatchObject({
      kind: 'youtube',
      start: seconds('1:00:31'),
      end: seconds('1:07:56'),
      recordingDuration: day2.duration,
      embedUrl: `https://www.youtube-nocookie.com/embed/${day2.id}?start=3631&end=4076`,
    });
    expect(conitzer?.duration).toBe(seconds('7:25'));
    expect(page('vincent-conitzer-foundations-cooperative-ai').querySelector('#recording')?.getAttribute('data-start')).toBe('3631');
    // The last talk of a session runs to the end of its recording.
    const aaronson = catalogue.talks.find((talk) => talk.id === 'scott-aaronson-cryptographic-backdoors');
    expect(aaronson?.duration).toBe(day2.duration - seconds('1:07:56'));
  });

  it('give the length the recording’s source gives, on the page, in lists, the catalogue and the structured data', () => {
    const leike = captionFile('farai-sf2023-jan-leike-scaling-rlhf.md');
    const talk = catalogue.talks.find((entry) => entry.id === 'jan-leike-scaling-rlhf');
    expect(talk?.duration).toBe(leike.duration);
    expect(talk?.recording).toEqual({
      kind: 'youtube',
      url: `https://www.youtube.com/watch?v=${leike.id}`,
      embedUrl: `https://www.youtube-nocookie.com/embed/${leike.id}`,
      start: 0,
      recordingDuration: leike.duration,
    });
    const root = page('jan-leike-scaling-rlhf');
    expect(root.querySelector('.player-facts')?.textContent).toBe('38:30 · YouTube');
    expect(root.querySelectorAll('.meta dt').map((dt) => [dt.textContent, (dt.nextElementSibling?.textContent ?? '').trim()])).toContainEqual([
      'Recording',
      '38:30, on YouTube',
    ]);
    const data = JSON.parse(root.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as { associatedMedia?: { duration?: string } };
    expect(data.associatedMedia?.duration).toBe('PT38M30S');
    const card = parse(file('talks/index.html'))
      .querySelectorAll('.card')
      .find((item) => item.querySelector('a')?.getAttribute('href') === '/talks/jan-leike-scaling-rlhf/');
    expect(card?.querySelector('.meta')?.textContent).toContain('38:30 recording');
  });

  it('give no length, anywhere, where no source gives one', () => {
    for (const talk of catalogue.talks.filter((entry) => !entry.recording)) {
      expect(talk.duration, talk.id).toBeUndefined();
      expect(page(talk.id).querySelector('script[type="application/ld+json"]')?.textContent, talk.id).not.toContain('associatedMedia');
    }
  });
});

describe('the security policy', () => {
  it('lets a page with a player frame YouTube’s embed, and no other page frame or play anything from elsewhere', () => {
    const withPlayer = new Set(recorded.map((talk) => join(DIST, 'talks', talk.id, 'index.html')));
    for (const path of htmlFiles(DIST)) {
      const policy = policyOf(parse(readFileSync(path, 'utf8')));
      expect(policy, path).not.toContain('unsafe-inline');
      expect(policy, path).not.toContain('media-src');
      if (withPlayer.has(path)) expect(policy, path).toMatch(/; frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/);
      else expect(policy, path).not.toContain('frame-src');
    }
    expect(file('_headers')).toMatch(/Content-Security-Policy: .*; frame-src https:\/\/www\.youtube-nocookie\.com; frame-ancestors 'none'/);
  });
});
