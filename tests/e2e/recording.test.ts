import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { buildSite, removeSite } from '../../scripts/helpers/scratch-site.ts';
import { serveStatic } from '../../scripts/helpers/static-server.ts';
import { quoteUrl } from '../../src/lib/quotes/quote-url.ts';
import { DIST, useBuiltSite } from '../support/built-site.ts';
import { toneWav } from '../support/test-audio.ts';
import { EMBED_ORIGIN, standInForYouTube } from '../support/youtube-stand-in.ts';
import { layoutShifts } from '../support/page-probes.ts';

const LEIKE = '/talks/jan-leike-scaling-rlhf/';
const CONITZER = '/talks/vincent-conitzer-foundations-cooperative-ai/';

const built = useBuiltSite();
let embeds: string[];
beforeAll(async () => {
  embeds = await standInForYouTube(built.context);
});

/** The embed's parameters, from the last embed the page asked YouTube for. */
const lastEmbed = () => new URL(embeds.at(-1) ?? 'about:blank');
const embedFrame = (page: Page) => page.frames().find((frame) => frame.url().startsWith(`${EMBED_ORIGIN}/embed/`));
/** What the embed stand-in has been told, as [func, args] of each command. */
async function commands(page: Page): Promise<[string, unknown[]][]> {
  const frame = embedFrame(page);
  if (!frame) return [];
  return frame.evaluate(() =>
    (window as unknown as { received: { event: string; func: string; args: unknown[] }[] }).received
      .filter((message) => message.event === 'command')
      .map((message) => [message.func, message.args] as [string, unknown[]]),
  );
}
const seconds = (label: string) => label.split(':').reduce((total, part) => total * 60 + Number(part), 0);

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; elsewhere: string[] }> {
  const page = await built.context.newPage();
  await page.setViewportSize(viewport);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(built.url)) elsewhere.push(request.url());
  });
  await page.goto(`${built.url}${path}`, { waitUntil: 'networkidle' });
  return { page, elsewhere };
}

describe('the player on a talk page', () => {
  it('asks nothing of any other site until the reader presses play, then loads YouTube’s privacy-enhanced embed', async () => {
    const { page, elsewhere } = await open(LEIKE);
    try {
      await page.mouse.move(900, 600);
      await page.locator('.player-facade').hover();
      await page.waitForTimeout(300);
      expect(elsewhere).toEqual([]);
      expect(await page.locator('iframe').count()).toBe(0);
      const before = embeds.length;
      await page.locator('.player-facade').click();
      await expect.poll(() => embeds.length).toBe(before + 1);
      expect(elsewhere.every((url) => url.startsWith(`${EMBED_ORIGIN}/embed/BtnvfVc8z8o?`))).toBe(true);
      const embed = lastEmbed();
      expect([
        embed.searchParams.get('enablejsapi'),
        embed.searchParams.get('autoplay'),
        embed.searchParams.get('start'),
        embed.searchParams.get('origin'),
      ]).toEqual(['1', '1', '0', built.url]);
      expect(await page.locator('.player-frame iframe').getAttribute('title')).toBe('Recording: Scaling Reinforcement Learning from Human Feedback (YouTube)');
    } finally {
      await page.close();
    }
  });

  it('plays from a timestamp’s own second, then seeks the embed by message for the next one', async () => {
    const { page } = await open(LEIKE);
    try {
      const first = page.locator('.transcript .passage-timed > a.timestamp').nth(5);
      const firstTime = seconds((await first.locator('time').textContent()) ?? '');
      await first.click();
      await expect.poll(() => lastEmbed().searchParams.get('start')).toBe(String(firstTime));
      const second = page.locator('.transcript .passage-timed > a.timestamp').nth(30);
      const secondTime = seconds((await second.locator('time').textContent()) ?? '');
      expect(secondTime).toBeGreaterThan(firstTime);
      await second.click();
      await expect.poll(() => commands(page)).toContainEqual(['seekTo', [secondTime, true]]);
      expect(await commands(page)).toContainEqual(['playVideo', []]);
      // The passage being spoken is marked, from what the embed reports.
      await expect.poll(() => page.locator('.passage[aria-current="time"]').getAttribute('data-t')).toBe(String(secondTime));
      expect(await page.locator('.passage.is-playing').first().getAttribute('data-t')).toBe(String(secondTime));
    } finally {
      await page.close();
    }
  });

  it('plays chapters and contents from the time they start', async () => {
    const { page } = await open(LEIKE);
    try {
      const entry = page.locator('.toc li', { hasText: 'Scalable oversight' }).locator('a.timestamp');
      expect(await entry.textContent()).toContain('1:32');
      await entry.click();
      await expect.poll(() => lastEmbed().searchParams.get('start')).toBe('92');
      await page.locator('.transcript h2', { hasText: 'Principle of evaluation' }).locator('a.timestamp').click();
      await expect.poll(() => commands(page)).toContainEqual(['seekTo', [seconds('3:27'), true]]);
    } finally {
      await page.close();
    }
  });

  it('starts a lightning talk at its own part of the session’s recording, and plays its times as the recording’s', async () => {
    const { page } = await open(CONITZER);
    try {
      expect(await page.locator('.player-facade').textContent()).toContain('Play from 1:00:31');
      await page.locator('.player-facade').click();
      await expect.poll(() => lastEmbed().pathname).toBe('/embed/U2zJuTLzIm8');
      expect(lastEmbed().searchParams.get('start')).toBe('3631');
      await page.locator('.transcript a.timestamp', { hasText: '1:01:26' }).click();
      await expect.poll(() => commands(page)).toContainEqual(['seekTo', [3686, true]]);
    } finally {
      await page.close();
    }
  });

  it('follows what is said while the reader lets it, and offers to follow again after they scroll away', async () => {
    const { page } = await open(LEIKE, { width: 412, height: 915 });
    try {
      const late = page.locator('.transcript .passage-timed > a.timestamp').last();
      const lateTime = (await late.getAttribute('data-t')) as string;
      await page.locator('.transcript .passage-timed > a.timestamp').nth(2).click();
      await expect.poll(() => embedFrame(page) !== undefined).toBe(true);
      const follow = page.locator('.player-bar-follow');
      expect(await follow.getAttribute('aria-pressed')).toBe('true');
      // The recording moves on far down the transcript (the reader seeks in YouTube's own controls).
      await embedFrame(page)?.evaluate(
        (time) => window.postMessage(JSON.stringify({ event: 'command', func: 'seekTo', args: [Number(time), true] }), '*'),
        lateTime,
      );
      await expect.poll(() => page.locator('.passage[aria-current="time"]').getAttribute('data-t')).toBe(lateTime);
      // In view means readable: below the reading bar, and above the picture docked at the foot of a phone's window.
      const inView = () =>
        page.locator('.passage[aria-current="time"]').evaluate((element) => {
          const picture = document.querySelector('.player-frame iframe');
          const docked = picture !== null && getComputedStyle(picture).position === 'fixed';
          const bottom = docked ? picture.getBoundingClientRect().top : window.innerHeight;
          const { top } = element.getBoundingClientRect();
          return top >= 0 && top + 24 <= bottom;
        });
      // A smooth scroll across a two-hour transcript: on a busy machine it has taken over 5 s.
      await expect.poll(inView, { timeout: 15_000 }).toBe(true);
      // The reader scrolls back to the top: the page stops following, and says so.
      await page.mouse.wheel(0, -50_000);
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('false');
      await page.waitForTimeout(600);
      expect(await inView()).toBe(false);
      await follow.click();
      await expect.poll(inView, { timeout: 15_000 }).toBe(true);
      expect(await follow.getAttribute('aria-pressed')).toBe('true');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe('layout while the player appears', () => {
  /** Where an element is in the page, wherever the window is scrolled. */
  const place = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y: y + window.scrollY, width, height };
    });

  /** Opens the player from its facade; the box must not have moved or changed size when it has. */
  async function openPlayerInPlace(page: Page) {
    expect(await layoutShifts(page)).toEqual([]);
    const box = await place(page, '.player-frame');
    await page.locator('.player-facade').click();
    await page.waitForSelector('.player-frame iframe');
    await page.waitForTimeout(300);
    expect(await layoutShifts(page)).toEqual([]);
    expect(await place(page, '.player-frame')).toEqual(box);
    return box;
  }

  it('moves nothing on load or when the player opens in its box, at 1280 px', async () => {
    const { page } = await open(LEIKE, { width: 1280, height: 900 });
    try {
      const box = await openPlayerInPlace(page);
      const frame = await place(page, '.player-frame iframe');
      expect(frame.width).toBeCloseTo(box.width - 2, 0);
      expect(frame.height).toBeCloseTo(box.height - 2, 0);
    } finally {
      await page.close();
    }
  });

  it.each([
    { width: 360, height: 740 },
    { width: 412, height: 915 },
  ])('on a phone, docks the picture at the foot of the window above the bar, moving nothing, at $width px', async (viewport) => {
    const { page } = await open(LEIKE, viewport);
    try {
      await openPlayerInPlace(page);
      const picture = await page.locator('.player-frame iframe').evaluate((element) => element.getBoundingClientRect());
      const bar = await page.locator('#player-bar').evaluate((element) => element.getBoundingClientRect());
      expect([picture.left, picture.width]).toEqual([0, viewport.width]);
      expect(picture.height).toBeCloseTo((viewport.width * 9) / 16, 0);
      expect(picture.bottom).toBeLessThanOrEqual(bar.top);
      expect(bar.bottom).toBeLessThanOrEqual(viewport.height);
      expect(await page.locator('.player-frame').textContent()).toBe('');
      expect(await page.locator('.player-frame').evaluate((element) => getComputedStyle(element, '::before').content)).toBe(
        '"Playing at the foot of the window"',
      );

      // Hiding the controls hides the picture too, and pauses it; a time in the transcript brings both back.
      await page.locator('#player-bar .player-bar-close').click();
      expect(await page.locator('.player-frame iframe').isVisible()).toBe(false);
      expect(await page.locator('.player-frame').evaluate((element) => getComputedStyle(element, '::before').content)).toBe(
        '"Paused: press any time in the transcript to play"',
      );
      await expect.poll(() => commands(page)).toContainEqual(['pauseVideo', []]);
      await page.locator('.transcript .passage-timed > a.timestamp').nth(3).click();
      expect(await page.locator('.player-frame iframe').isVisible()).toBe(true);
      expect(await page.locator('#player-bar').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('a talk with a recording on a phone', () => {
  it('shows the whole first line of the transcript in the first screen, below the player, at 360 by 740, on every such talk', async () => {
    const talks = readdirSync(join(DIST, 'talks'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `/talks/${entry.name}/`);
    const page = await built.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const layouts: { talk: string; player: number; firstLine: number }[] = [];
    try {
      for (const talk of talks) {
        await page.goto(`${built.url}${talk}`);
        const layout = await page.evaluate(() => {
          const player = document.querySelector('#recording .player-frame');
          const paragraph = document.querySelector('.transcript .passage p');
          if (!player || !paragraph) return undefined;
          const range = document.createRange();
          range.selectNodeContents(paragraph);
          return { player: player.getBoundingClientRect().bottom, firstLine: range.getClientRects()[0]?.bottom ?? Infinity };
        });
        if (layout) layouts.push({ talk, ...layout });
      }
    } finally {
      await page.close();
    }
    expect(layouts.length).toBeGreaterThan(20);
    expect(layouts.filter((layout) => !(layout.player < layout.firstLine && layout.firstLine <= 740))).toEqual([]);
  });
});

describe('links to a moment', () => {
  it('opens ?t= at the passage said then, with a clear control to play from there', async () => {
    const { page, elsewhere } = await open(`${LEIKE}?t=147`);
    try {
      const bar = page.locator('#player-bar');
      expect(await bar.isVisible()).toBe(true);
      expect(await bar.locator('.player-bar-main').textContent()).toBe('Play from 2:27');
      const target = page.locator('.passage.moment-target');
      expect(Number(await target.getAttribute('data-t'))).toBeLessThanOrEqual(147);
      expect(await target.evaluate((element) => element.getBoundingClientRect().top < window.innerHeight)).toBe(true);
      expect(elsewhere).toEqual([]);
      await bar.locator('.player-bar-main').click();
      await expect.poll(() => lastEmbed().searchParams.get('start')).toBe('147');
    } finally {
      await page.close();
    }
  });

  it('ignores a t that is no moment', async () => {
    const { page } = await open(`${LEIKE}?t=${'9'.repeat(40)}`);
    try {
      expect(await page.locator('#player-bar').isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('offers to play a quote link’s words from the start of their passage', async () => {
    const probe = await built.context.newPage();
    await probe.goto(`${built.url}${LEIKE}`);
    const passage = probe.locator('.transcript .passage-timed').nth(10);
    const [id, time, text] = [await passage.getAttribute('id'), await passage.getAttribute('data-t'), await passage.locator('p').first().textContent()];
    await probe.close();
    const exact = (text ?? '').split(' ').slice(3, 12).join(' ');
    const link = quoteUrl(`${built.url}${LEIKE}`, { passageId: id ?? '', exact, prefix: '', suffix: '' });
    const page = await built.context.newPage();
    try {
      await page.goto(link);
      const main = page.locator('#player-bar .player-bar-main');
      await expect.poll(() => main.textContent()).toMatch(/^Play this quote \(\d+:\d\d\)$/);
      await main.click();
      await expect.poll(() => lastEmbed().searchParams.get('start')).toBe(time);
    } finally {
      await page.close();
    }
  });

  it('copies a passage’s link with its moment', async () => {
    const { page } = await open(LEIKE);
    try {
      await built.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: built.url });
      const passage = page.locator('.transcript .passage-timed').nth(4);
      await passage.hover();
      await passage.locator('a.permalink').click();
      await expect.poll(() => page.locator('#quote-status').textContent()).toMatch(/^Link to this passage copied \(plays from \d+:\d\d\)\.$/);
      const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
      expect([copied.pathname, copied.searchParams.get('t'), copied.hash]).toEqual([
        LEIKE,
        await passage.getAttribute('data-t'),
        `#${await passage.getAttribute('id')}`,
      ]);
    } finally {
      await page.close();
    }
  });
});

describe('without JavaScript', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  afterAll(async () => browser?.close());

  it('each time is a plain link to the recording at that second', async () => {
    browser = await launchBrowser();
    const context: BrowserContext = browser.context;
    const page = await context.newPage();
    await page.route('https://www.youtube.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>watch page</title>' }));
    const noScript = await context.browser()?.newContext({ javaScriptEnabled: false });
    const reader = noScript ? await noScript.newPage() : page;
    await reader.route('https://www.youtube.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>watch page</title>' }));
    await reader.goto(`${built.url}${CONITZER}`);
    const time = reader.locator('.transcript a.timestamp', { hasText: '1:01:26' });
    await time.click();
    await reader.waitForURL('https://www.youtube.com/**');
    expect(reader.url()).toBe('https://www.youtube.com/watch?v=U2zJuTLzIm8&t=3686s');
    await noScript?.close();
  });
});

describe('an audio file as the recording', () => {
  let out = '';
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const PODCAST = '/talks/the-engine-podcast/';
  beforeAll(async () => {
    out = await buildSite(new URL('../fixtures/recording-archive', import.meta.url).pathname);
    site = await serveStatic(out);
    browser = await launchBrowser();
    // The file, served as a podcast host serves one: any byte range asked for.
    const wav = toneWav(12);
    await browser.context.route('https://media.example.org/**', (route) => {
      const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
      const [from, to] = range ? [Number(range[1]), range[2] ? Number(range[2]) : wav.length - 1] : [0, wav.length - 1];
      return route.fulfill({
        status: range ? 206 : 200,
        headers: { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', ...(range && { 'content-range': `bytes ${from}-${to}/${wav.length}` }) },
        body: wav.subarray(from, to + 1),
      });
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (out) removeSite(out);
  });

  it('plays in the browser’s own element from a timestamp, and marks the passage being spoken', async () => {
    const page = await browser.context.newPage();
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url)) elsewhere.push(request.url());
    });
    try {
      await page.goto(`${site.url}${PODCAST}`, { waitUntil: 'networkidle' });
      expect(elsewhere).toEqual([]);
      expect(await page.locator('.player-facade').textContent()).toContain('0:12');
      await page.locator('.transcript a.timestamp', { hasText: '0:06' }).click();
      const state = () =>
        page.evaluate(() => {
          const audio = document.querySelector('audio');
          return { paused: audio?.paused, time: audio?.currentTime ?? -1 };
        });
      await expect.poll(async () => (await state()).time, { timeout: 10_000 }).toBeGreaterThan(6.2);
      expect((await state()).paused).toBe(false);
      expect(await page.locator('.passage[aria-current="time"]').getAttribute('data-t')).toBe('6');
      // Playing on, the mark moves to the next passage when its time comes.
      await expect.poll(() => page.locator('.passage[aria-current="time"]').getAttribute('data-t'), { timeout: 10_000 }).toBe('9');
      expect(elsewhere.every((url) => url === 'https://media.example.org/episodes/the-engine')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('links each time to the file at that second without JavaScript, and the policy allows that file’s host only', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${site.url}${PODCAST}`);
      expect(await page.locator('.transcript a.timestamp', { hasText: '0:09' }).getAttribute('href')).toBe('https://media.example.org/episodes/the-engine#t=9');
      const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
      expect(policy).toContain("media-src 'self' https://media.example.org");
      expect(policy).not.toContain('frame-src');
    } finally {
      await page.close();
    }
  });
});
