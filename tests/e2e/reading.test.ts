import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { layoutShift } from '../support/page-probes.ts';

/** The archive's longest transcript: an interview of 28,808 words without chapters or times. */
const INTERVIEW = '/talks/jan-leike-superalignment-interview/';

const built = useBuiltSite();
let page: Page;
beforeEach(async () => {
  page = await built.context.newPage();
});
afterEach(async () => {
  await page.close();
});

const open = (path: string) => page.goto(`${built.url}${path}`);
/** Scrolls to a fraction of the page's scrollable height, at once. */
const scrollToFraction = (fraction: number) =>
  page.evaluate((at) => window.scrollTo({ top: (document.documentElement.scrollHeight - window.innerHeight) * at, behavior: 'instant' }), fraction);

describe('the reading-progress bar', () => {
  it.each([
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ])('grows with the reader scrolling down a long transcript, at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    await open(INTERVIEW);
    const barWidth = () => page.evaluate(() => document.querySelector('.reading-progress')?.getBoundingClientRect().width ?? -1);
    expect(await barWidth()).toBeLessThan(viewport.width * 0.02);
    await scrollToFraction(0.5);
    await expect.poll(barWidth).toBeGreaterThan(viewport.width * 0.45);
    expect(await barWidth()).toBeLessThan(viewport.width * 0.55);
    await scrollToFraction(1);
    await expect.poll(barWidth).toBeGreaterThan(viewport.width * 0.98);
  });
});

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 412, height: 915 },
  { width: 1280, height: 900 },
];

describe('tap targets', () => {
  /** Targets a reader of a transcript taps: permalinks, times, footnote markers and the links back, the contents, speakers' names. */
  const TARGETS = '.permalink, .timestamp, .footnote-ref a, .footnote-backref, .toc a, .turn-speaker, .meta a, .back-to-top a';

  it.each(VIEWPORTS)('are at least 24 by 24 px and wholly on the screen, at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    // An essay with footnotes, a recorded talk with chapters and times, and the longest interview.
    for (const path of ['/talks/zac-hatfield-dodds-concrete-reasons-for-hope/', '/talks/jan-leike-scaling-rlhf/', INTERVIEW]) {
      await open(path);
      const small = await page.evaluate((selector) => {
        const found: string[] = [];
        for (const element of document.querySelectorAll<HTMLElement>(selector)) {
          const box = element.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (box.width < 24 || box.height < 24 || box.left < 0 || box.right > document.documentElement.clientWidth) {
            found.push(
              `${element.className || element.parentElement?.className} "${element.textContent?.trim().slice(0, 20)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)} at x=${box.left.toFixed(1)}`,
            );
          }
        }
        return found;
      }, TARGETS);
      expect(small, path).toEqual([]);
    }
  });
});

/** Whether the middle of an element's first line of text shows that element, not something over it. */
const firstLineShows = (selector: string) =>
  page.evaluate((wanted) => {
    const element = document.querySelector(wanted) as HTMLElement;
    const line = element.getClientRects()[0] ?? element.getBoundingClientRect();
    const x = line.left + Math.min(line.width, 200) / 2;
    const y = line.top + 10;
    if (y < 0 || y > window.innerHeight) return false;
    const shown = document.elementFromPoint(x, y);
    return shown !== null && element.contains(shown);
  }, selector);

describe('who is speaking', () => {
  /** The passage of the interview farthest below the start of its turn, and its turn. */
  const deepPassage = () =>
    page.evaluate(() => {
      let deepest = { id: '', turn: '', depth: 0 };
      for (const passage of document.querySelectorAll<HTMLElement>('.transcript .turn .passage')) {
        const turn = passage.closest('.turn') as HTMLElement;
        const depth = passage.getBoundingClientRect().top - turn.getBoundingClientRect().top;
        if (depth > deepest.depth) deepest = { id: passage.id, turn: turn.id, depth };
      }
      return deepest;
    });

  /** Whether the turn's label, with its speaker's name, is on the screen and not covered. */
  const labelShows = (turn: string) =>
    page.evaluate((id) => {
      const label = document.querySelector(`[id="${id}"] > .turn-label`) as HTMLElement;
      const box = label.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) return false;
      const shown = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
      return shown !== null && label.contains(shown);
    }, turn);

  it.each(VIEWPORTS.filter(({ width }) => width !== 412))(
    'shows the speaker with a passage a search result lands on, and while reading inside a long turn, at $width px',
    async (viewport) => {
      await page.setViewportSize(viewport);
      await open(INTERVIEW);
      const { id, turn, depth } = await deepPassage();
      expect(depth).toBeGreaterThan(viewport.height);
      await open(`${INTERVIEW}?highlight=alignment#${id}`);
      await page.waitForFunction((wanted) => {
        const box = document.getElementById(wanted)?.getBoundingClientRect();
        return box !== undefined && box.top >= 0 && box.top < window.innerHeight / 2;
      }, id);
      expect(await labelShows(turn)).toBe(true);
      expect(await firstLineShows(`[id="${id}"] p`)).toBe(true);

      // Reading on inside the turn, a screen further down, the name is still there.
      await page.mouse.wheel(0, viewport.height);
      await page.waitForTimeout(200);
      expect(await labelShows(turn)).toBe(true);
    },
  );
});

describe('a long transcript on a phone', () => {
  it('opens with its first words in the first screen, under a header of two short lines, at 360 by 740', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(INTERVIEW);
    const layout = await page.evaluate(() => {
      const links = [...document.querySelectorAll('.site-nav a')].map((link) => link.getBoundingClientRect().top);
      return {
        header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
        navLines: new Set(links.map(Math.round)).size,
        firstWords: document.querySelector('.transcript .passage p')?.getBoundingClientRect().bottom ?? Infinity,
      };
    });
    expect(layout.header).toBeLessThanOrEqual(100);
    expect(layout.navLines).toBe(1);
    expect(layout.firstWords).toBeLessThanOrEqual(740);
    expect(await firstLineShows('.transcript .passage p')).toBe(true);
  });

  it.each(VIEWPORTS.slice(0, 2))(
    'reaches the contents, the next and previous section and the search with one tap from anywhere, covering nothing being read, at $width px',
    async (viewport) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await open(INTERVIEW);
      await scrollToFraction(0.45);
      const bar = page.locator('.reading-bar');
      expect(await bar.evaluate((element) => element.getBoundingClientRect().top)).toBe(0);

      // The contents, in a sheet, which closes leaving the text where it was.
      const reading = await page.evaluate(() => window.scrollY);
      await bar.getByRole('button', { name: /^Contents/ }).click();
      const sheet = page.locator('#contents-sheet');
      await sheet.waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => window.scrollY)).toBe(reading);
      // Its fourth entry leads to its place, shown below the bar.
      await bar.getByRole('button', { name: /^Contents/ }).click();
      await sheet.waitFor({ state: 'visible' });
      const entry = sheet.locator('.toc ol a').nth(3);
      const target = (await entry.getAttribute('href')) ?? '';
      await entry.click();
      await sheet.waitFor({ state: 'hidden' });
      await page.waitForURL(new RegExp(`${target}$`));
      expect(await firstLineShows(`[id="${target.slice(1)}"] .passage p`)).toBe(true);
      expect(await bar.evaluate((element) => element.getBoundingClientRect().top)).toBe(0);
      expect(await bar.locator('.reading-bar-current').textContent()).not.toBe('');

      // The next section and back.
      const sections = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.toc ol a')].map((link) => link.hash.slice(1)));
      const at = sections.indexOf(target.slice(1));
      await bar.getByRole('button', { name: 'Next section' }).click();
      await expect.poll(() => firstLineShows(`[id="${sections[at + 1]}"] .passage p`)).toBe(true);
      await bar.getByRole('button', { name: 'Previous section' }).click();
      await expect.poll(() => firstLineShows(`[id="${sections[at]}"] .passage p`)).toBe(true);

      // The search, focused, ready to type.
      await bar.getByRole('button', { name: 'Search' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
      expect(await page.locator('#header-search-input').isVisible()).toBe(true);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width);
      expect(await layoutShift(page)).toBe(0);
    },
  );
});

describe("a phone's header", () => {
  it.each(VIEWPORTS.slice(0, 2))('takes two short lines, with the search one tap away, at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    await open('/talks/');
    const layout = await page.evaluate(() => ({
      height: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
      navLines: new Set([...document.querySelectorAll('.site-nav a')].map((link) => Math.round(link.getBoundingClientRect().top))).size,
    }));
    expect(layout.height).toBeLessThanOrEqual(100);
    expect(layout.navLines).toBe(1);
    await page.getByRole('button', { name: 'Search' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
    await page.keyboard.type('oversight', { delay: 60 });
    await page.waitForURL(/\/search\/\?q=oversight$/);
  });
});

describe('keys that move through a transcript', () => {
  /** The id of the first of the given targets whose top is at or below the top of the window, less its scroll margin. */
  const reached = (selector: string) =>
    page.evaluate((wanted) => {
      const found = [...document.querySelectorAll<HTMLElement>(wanted)].find(
        (element) => element.getBoundingClientRect().top - parseFloat(getComputedStyle(element).scrollMarginTop) > -3,
      );
      return found?.id ?? '';
    }, selector);
  /** How far an element's top is from where it lands when scrolled to (0: at the reading line). */
  const offsetOf = (id: string) =>
    page.evaluate((wanted) => {
      const element = document.getElementById(wanted) as HTMLElement;
      return Math.abs(element.getBoundingClientRect().top - parseFloat(getComputedStyle(element).scrollMarginTop));
    }, id);
  const turnIds = () => page.evaluate(() => [...document.querySelectorAll('.transcript .turn')].map((turn) => turn.id));
  const sectionIds = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.toc ol a')].map((link) => decodeURIComponent(link.hash.slice(1))));

  it.each(VIEWPORTS.filter(({ width }) => width !== 412))('j and k go a turn, J and K a section, never while typing, at $width px', async (viewport) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(INTERVIEW);
    const turns = await turnIds();
    const sections = await sectionIds();
    expect(sections.length).toBeGreaterThan(3);

    await page.keyboard.press('j');
    expect(await reached('.transcript .turn')).toBe(turns[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await reached('.transcript .turn')).toBe(turns[2]);
    expect(await offsetOf(turns[2] ?? '')).toBeLessThan(3);
    expect(await firstLineShows(`[id="${turns[2]}"] .passage p`)).toBe(true);
    await page.keyboard.press('k');
    expect(await reached('.transcript .turn')).toBe(turns[1]);

    // The next section is the first one below the top of the window.
    const first = sections.indexOf(
      await page.evaluate(
        (ids) =>
          ids.find((id) => {
            const element = document.getElementById(id) as HTMLElement;
            return element.getBoundingClientRect().top - parseFloat(getComputedStyle(element).scrollMarginTop) > 2;
          }) ?? '',
        sections,
      ),
    );
    expect(first).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Shift+J');
    expect(await offsetOf(sections[first] ?? '')).toBeLessThan(3);
    await page.keyboard.press('Shift+J');
    expect(await offsetOf(sections[first + 1] ?? '')).toBeLessThan(3);
    await page.keyboard.press('Shift+K');
    expect(await offsetOf(sections[first] ?? '')).toBeLessThan(3);

    // Typing a j into a field moves nothing. (The header's box would take the reader to the search page: a field of its own here.)
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('input'), { id: 'a-field', style: 'position: fixed; top: 0; left: 0' })),
    );
    await page.locator('#a-field').focus();
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.type('jjkJK');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await page.locator('#a-field').inputValue()).toBe('jjkJK');
  });

  it('are listed on the About page', async () => {
    await open('/about/');
    const text = await page.locator('main').textContent();
    for (const key of ['j', 'k', 'J', 'K']) expect(text).toMatch(new RegExp(`\\b${key}\\b`));
    expect(text).toMatch(/next turn/i);
    expect(text).toMatch(/next section/i);
  });
});
