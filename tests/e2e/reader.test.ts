import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { columnsThatDiffer, decodePngs, inkedColumns } from '../support/pixels.ts';

const TALK = '/talks/jan-leike-scaling-rlhf/';
const PALETTE = ['--bg', '--surface', '--text', '--muted', '--accent', '--accent-strong', '--border', '--focus'];

const built = useBuiltSite();
let page: Page;
beforeEach(async () => {
  page = await built.context.newPage();
  await page.emulateMedia({ colorScheme: 'light' });
});
afterEach(async () => {
  await page.evaluate(() => localStorage.clear()).catch(() => undefined);
  await page.close();
});

const open = (path: string) => page.goto(`${built.url}${path}`);
const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? 'system');
const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const palette = () => page.evaluate((names) => names.map((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim()), PALETTE);
const visibleTitles = () => page.locator('#talk-list > li:not([hidden]) h2').allTextContents();

describe('theme', () => {
  it('switches with the toggle, persists across reloads and pages, and can return to the system theme', async () => {
    await open(TALK);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const light = await background();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await theme()).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);

    await page.reload();
    expect(await theme()).toBe('dark');
    expect(await background()).toBe(dark);
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');

    await open('/speakers/');
    expect(await background()).toBe(dark);

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await theme()).toBe('system');
    expect(await background()).toBe(light);
  });

  it('applies a remembered choice from the head alone, before any module script (no flash of the other theme)', async () => {
    await open(TALK);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    // Serve the page with every module script removed: only the inline snippet in <head> is left to apply the choice.
    await page.route(`${built.url}${TALK}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '');
      await route.fulfill({ response, body });
    });
    await page.reload();
    expect(await page.locator('script[type="module"]').count()).toBe(0);
    expect(await theme()).toBe('dark');
    await page.unroute(`${built.url}${TALK}`);
  });

  it('follows the system theme until the reader chooses, and a chosen dark theme is the system dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(TALK);
    expect(await theme()).toBe('system');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    const systemDark = await palette();

    await page.emulateMedia({ colorScheme: 'light' });
    await open(TALK);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await palette()).toEqual(systemDark);
  });
});

describe('talks index', () => {
  it('narrows the list with each filter, says how many are shown, and keeps the choice in the address', async () => {
    await open('/talks/');
    const all = (await visibleTitles()).length;
    expect(all).toBeGreaterThanOrEqual(29);
    await expect.poll(() => page.locator('#talk-filter-status').textContent()).toBe(`Showing all ${all} talks.`);

    await page.getByLabel('Speaker').selectOption('jan-leike');
    expect(await visibleTitles()).toEqual(['Scaling Reinforcement Learning from Human Feedback', 'Jan Leike on the superalignment project']);
    expect(await page.locator('#talk-filter-status').textContent()).toBe(`Showing 2 of ${all} talks.`);
    expect(new URL(page.url()).searchParams.get('speaker')).toBe('jan-leike');

    await page.getByLabel('Kind').selectOption('interview');
    expect(await visibleTitles()).toEqual(['Jan Leike on the superalignment project']);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(visibleTitles).toHaveLength(all);

    await page.getByLabel('Only with full text').check();
    const withText = await visibleTitles();
    expect(withText.length).toBeLessThan(all);
    expect(withText).not.toContain('Looking Inside Neural Networks with Mechanistic Interpretability');

    await page.getByLabel('Topic').selectOption('interpretability');
    expect((await visibleTitles()).length).toBeLessThan(withText.length);
    await page.getByLabel('Topic').selectOption('');

    await page.getByLabel('Event').selectOption('sf-alignment-workshop-2023');
    await page.getByLabel('Year').selectOption('2023');
    expect(await visibleTitles()).not.toContain('Jan Leike on the superalignment project');
  });

  it('sorts by title and by date, and restores filters and order from the address', async () => {
    await open('/talks/?sort=title&kind=talk');
    const titles = await visibleTitles();
    expect(titles.length).toBeGreaterThan(3);
    const key = (title: string) => title.replace(/^[“"']/, '');
    expect(titles).toEqual([...titles].sort((a, b) => key(a).localeCompare(key(b), 'en', { sensitivity: 'base', numeric: true })));
    expect(await page.getByLabel('Order').inputValue()).toBe('title');
    expect(await page.getByLabel('Kind').inputValue()).toBe('talk');

    await page.getByLabel('Order').selectOption('date');
    const newest = await visibleTitles();
    await page.getByLabel('Order').selectOption('oldest');
    expect(await visibleTitles()).toEqual(newest);
  });

  it('lists every talk without JavaScript, with no filter form to mislead', async () => {
    const cdp = await built.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await open('/talks/');
    expect((await visibleTitles()).length).toBeGreaterThanOrEqual(29);
    expect(await page.locator('#talk-filters').isVisible()).toBe(false);
    expect(await page.locator('#theme-toggle').isVisible()).toBe(false);
    await cdp.detach();
  });
});

describe("a talk's details", () => {
  /** The talk's details as term and description pairs. */
  const details = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('article header dl dt')].map((term): [string, string | undefined] => [
        term.textContent?.trim() ?? '',
        term.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );

  it('say its length and where its text comes from plainly, each once', async () => {
    await page.setViewportSize({ width: 412, height: 915 });
    await open(TALK);
    const rows = Object.fromEntries(await details());
    expect(rows['Length']).toMatch(/^5,\d{3} words, about \d+ minutes to read$/);
    expect(rows['Transcript']).toBe("Human-made captions of the workshop's recording (FAR.AI), as collected in curtcox/AI-Safety-YouTube");
    expect(await page.locator('article header div.meta').textContent()).not.toContain('Captions of the recording');
    await open('/talks/jan-leike-superalignment-interview/');
    expect(Object.fromEntries(await details())['Length']).toBe('28,808 words, about 2 hours 5 minutes to read');
  });

  it('show the people, event and date first and the rest one tap away on a phone, and all of them on a wide screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(TALK);
    const length = page.locator('article header dt', { hasText: 'Length' });
    expect(await page.locator('article header dt', { hasText: 'Event' }).isVisible()).toBe(true);
    expect(await length.isVisible()).toBe(false);
    await page.getByText('More about this talk').click();
    expect(await length.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    expect(await length.isVisible()).toBe(true);
    expect(await page.getByText('More about this talk').isVisible()).toBe(false);
  });

  it('name each person in the role the talk gives them, on its page, in lists and in its citation', async () => {
    await open('/talks/jan-leike-superalignment-interview/');
    const interview = await details();
    expect(interview.slice(0, 2)).toEqual([
      ['Host', 'Rob Wiblin'],
      ['Guest', 'Jan Leike'],
    ]);
    await page.locator('.cite-talk summary').click();
    expect(await page.locator('.cite-talk pre').first().textContent()).toMatch(
      /^Jan Leike, interviewed by Rob Wiblin, “Jan Leike on the superalignment project”/,
    );

    await open('/talks/zac-hatfield-dodds-concrete-reasons-for-hope/');
    expect((await details())[0]).toEqual(['Author', 'Zac Hatfield-Dodds']);
    await open('/talks/');
    const card = page.locator('#talk-list > li', { hasText: 'Concrete reasons for hope about AI' });
    expect(await card.locator('.meta').textContent()).toContain('Zac Hatfield-Dodds (author)');
  });
});

describe('navigation between talks, speakers, topics and events', () => {
  it('goes from a talk to its speaker, their other talk, its topic, a talk on it, its event and back to a talk', async () => {
    await open(TALK);
    await page.locator('article header dd a', { hasText: 'Jan Leike' }).click();
    await page.waitForURL(/\/speakers\/jan-leike\/$/);
    expect(await page.locator('h1').textContent()).toBe('Jan Leike');
    expect(await page.locator('.speaker-stats').textContent()).toMatch(/Speaks in 2 transcripts here: [\d,]+ turns, [\d,]+ words\./);

    await page.getByRole('link', { name: 'Jan Leike on the superalignment project' }).first().click();
    await page.waitForURL(/\/talks\/jan-leike-superalignment-interview\/$/);

    await page.locator('article header dd a', { hasText: 'Interpretability' }).click();
    await page.waitForURL(/\/topics\/interpretability\/$/);
    expect(await page.locator('h1').textContent()).toContain('Interpretability');
    expect(await page.locator('.passage-list mark').count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Looking Inside Neural Networks with Mechanistic Interpretability' }).click();
    await page.waitForURL(/\/talks\/chris-olah-mechanistic-interpretability\/$/);

    await page.locator('article header dd a', { hasText: 'San Francisco Alignment Workshop' }).click();
    await page.waitForURL(/\/events\/sf-alignment-workshop-2023\/$/);
    expect(await page.locator('h1').textContent()).toBe('San Francisco Alignment Workshop');

    await page.getByRole('link', { name: 'Scaling Reinforcement Learning from Human Feedback' }).click();
    await page.waitForURL(new RegExp(`${TALK}$`));
  });

  it("opens a speaker's passage at its place in the talk", async () => {
    await open('/speakers/jan-leike/');
    const link = page.locator('.passage-list a').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL(/#p-/);
    const id = href.split('#')[1] ?? '';
    expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
  });

  it('links related talks and the search for a topic', async () => {
    await open(TALK);
    expect(await page.locator('.related li').count()).toBeGreaterThan(0);
    await open('/topics/interpretability/');
    await page.getByRole('link', { name: /Search every transcript for/ }).click();
    await page.waitForURL(/\/search\/\?q=Interpretability/);
    await page.waitForSelector('.result');
  });
});

describe('reading a long transcript', () => {
  it('marks the part being read in the contents, and goes back to the top (at once, for a reader who asks for less motion)', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(TALK);
    const third = page.locator('.toc ol a').nth(2);
    await third.click();
    await expect.poll(() => third.getAttribute('aria-current')).toBe('location');
    expect(await page.locator('.toc a[aria-current]').count()).toBe(1);
    await page.locator('.back-to-top a').click();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it("draws the mark of the part being read clear of the entry's number", async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(TALK);
    const third = page.locator('.toc ol a').nth(2);
    await third.click();
    await expect.poll(() => third.getAttribute('aria-current')).toBe('location');
    // From the entry's number to the start of its words, over its first line: once marked, once not.
    const entry = await page.evaluate(() => {
      const link = document.querySelector('.toc a[aria-current]') as HTMLElement;
      const item = link.closest('li') as HTMLElement;
      const words = link.getClientRects()[0] as DOMRect;
      return { x: item.getBoundingClientRect().left - 32, y: words.top, width: words.left - item.getBoundingClientRect().left + 32, height: words.height };
    });
    const marked = await page.screenshot({ clip: entry });
    await third.evaluate((link) => link.removeAttribute('aria-current'));
    const unmarked = await page.screenshot({ clip: entry });
    const [withMark, without] = await decodePngs(built.context, [marked, unmarked]);
    const mark = columnsThatDiffer(withMark!, without!);
    const number = inkedColumns(without!);
    expect(mark.length).toBeGreaterThan(0);
    expect(number.length).toBeGreaterThan(0);
    // At least 3 px of background between the number's last pixel and the mark's first.
    expect(Math.min(...mark) - Math.max(...number)).toBeGreaterThanOrEqual(4);
  });

  it("lists the host's questions that open new subjects in the contents of an interview without chapters", async () => {
    await open('/talks/jan-leike-superalignment-interview/');
    const entries = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.toc ol a[href^="#"]')].map((link) => ({
        speaker: document.getElementById(link.hash.slice(1))?.closest<HTMLElement>('.turn')?.dataset['speaker'],
        opensTurn: document.getElementById(link.hash.slice(1))?.classList.contains('turn'),
        words: (link.textContent ?? '').replace(/^[^:]+:/, '').trim(),
      })),
    );
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const entry of entries) {
      expect(entry, JSON.stringify(entry)).toMatchObject({ speaker: 'rob-wiblin', opensTurn: true });
      expect(entry.words.split(/\s+/).length, entry.words).toBeGreaterThanOrEqual(6);
      // What is asked, not the fillers a reply opens with.
      expect(entry.words, entry.words).not.toMatch(/^(yeah|ok|so|right|yep)\b/i);
    }
  });

  it('spreads the contents of a recorded talk without chapters over its length, each entry with its time and words', async () => {
    await open('/talks/jacob-steinhardt-aligning-massive-models/');
    const entries = await page.evaluate(() =>
      [...document.querySelectorAll('.toc ol > li')].map((item) => ({
        words: (item.querySelector('a[href^="#"]')?.textContent ?? '').replace(/^[^:]+:/, '').trim(),
        seconds: Number(item.querySelector('[data-t]')?.getAttribute('data-t') ?? NaN),
      })),
    );
    expect(entries.length).toBeGreaterThanOrEqual(5);
    const length = 66 * 60;
    const times = entries.map((entry) => entry.seconds);
    expect(times.every(Number.isFinite)).toBe(true);
    // No stretch of more than a third of the talk without an entry.
    expect(Math.max(...times.slice(1).map((time, index) => time - (times[index] as number)), length - (times.at(-1) as number))).toBeLessThanOrEqual(
      length / 3,
    );
    for (const entry of entries) expect(entry.words.split(/\s+/).length, entry.words).toBeGreaterThanOrEqual(4);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [
      TALK,
      '/talks/jan-leike-superalignment-interview/',
      '/talks/',
      '/speakers/jan-leike/',
      '/topics/interpretability/',
      '/events/sf-alignment-workshop-2023/',
      '/about/',
    ]) {
      await open(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it("prints the transcript with its speakers and the page's address, without the site's navigation", async () => {
    await open(TALK);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    expect(await page.locator('.print-only').textContent()).toContain(TALK);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('.turn-label').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
  });
});
