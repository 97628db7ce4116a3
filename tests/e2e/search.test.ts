import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

const built = useBuiltSite();
let page: Page;
beforeEach(async () => {
  page = await built.context.newPage();
});

const search = async (query: string) => {
  await page.goto(`${built.url}/search/`);
  await page.fill('#search-input', query);
  await page.waitForFunction((text) => document.querySelector('#search-status')?.textContent?.includes(text) ?? false, query === '' ? 'Type' : 'match');
};

describe('search', () => {
  it('shows results as the reader types, with the query in the URL', async () => {
    await search('interpretability');
    expect(await page.locator('.result').count()).toBeGreaterThan(3);
    expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ matching/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('interpretability');
    expect(await page.locator('.result mark').first().textContent()).toMatch(/^interpret/i);
  });

  it('filters by the speaker of each passage, and Back undoes the filter', async () => {
    await search('interpretability');
    const before = await page.locator('.result-speaker').allTextContents();
    expect(new Set(before).size).toBeGreaterThan(1);
    // Open already on a wide screen, however many speakers match.
    await page.getByRole('checkbox', { name: /Jan Leike/ }).check();
    await page.waitForURL(/speaker=Jan\+Leike/);
    await page.waitForFunction(() => [...document.querySelectorAll('.result-speaker')].every((element) => element.textContent === 'Jan Leike'));
    const after = await page.locator('.result-speaker').allTextContents();
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(new Set(after)).toEqual(new Set(['Jan Leike']));
    await page.goBack();
    await page.waitForFunction(() => new Set([...document.querySelectorAll('.result-speaker')].map((element) => element.textContent)).size > 1);
    expect(new URL(page.url()).searchParams.get('speaker')).toBeNull();
  });

  it('opens a passage result at the passage, highlighted and in view', async () => {
    await search('superalignment');
    const link = page.locator('.result-passages a').first();
    const href = await link.getAttribute('href');
    await link.click();
    await page.waitForURL(/#p-/);
    const url = new URL(page.url());
    expect(url.searchParams.get('highlight')).toBe('superalignment');
    const target = page.locator(`[id="${url.hash.slice(1)}"]`);
    expect(await target.getAttribute('class')).toContain('search-target');
    expect(await target.locator('mark').first().textContent()).toMatch(/superalignment/i);
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    }, url.hash.slice(1));
    expect(href).toContain(url.hash);
  });

  it('finds the essay for the exact phrase "sharp left turn"', async () => {
    await search('"sharp left turn"');
    expect(await page.locator('.result-title').first().textContent()).toBe('Concrete reasons for hope about AI');
    const marks = await page.locator('.result').first().locator('mark').allTextContents();
    expect(marks.join(' ').toLowerCase()).toContain('sharp');
  });

  it('finds a speaker by name', async () => {
    await search('Jan Leike');
    const titles = await page.locator('.result-title').allTextContents();
    expect(titles).toContain('Jan Leike');
  });

  it('says so plainly when nothing matches', async () => {
    await page.goto(`${built.url}/search/?q=zqwv`);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.startsWith('Nothing matches') ?? false);
    expect(await page.locator('.result').count()).toBe(0);
  });

  it('with filters and no words, lists the pages the filters keep, or says that no page has them all', async () => {
    await page.goto(`${built.url}/search/?speaker=Jan+Leike`);
    await page.waitForFunction(() => /matching/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const titles = await page.locator('.result-title').allTextContents();
    for (const title of ['Jan Leike on the superalignment project', 'Scaling Reinforcement Learning from Human Feedback'])
      expect(
        titles.some((shown) => shown.includes(title)),
        title,
      ).toBe(true);
    await page.goto(`${built.url}/search/?speaker=Jan+Leike&kind=Essay`);
    await page.waitForFunction(() => document.querySelector('#search-status')?.classList.contains('empty') ?? false);
    expect(await page.locator('#search-status').textContent()).toBe('No page matches all of these filters. Remove a filter, or type words to search.');
    expect(await page.locator('.result').count()).toBe(0);
  });

  it('focuses the header search box with "/" and Ctrl-K, and typing there goes on at the search page', async () => {
    await page.goto(`${built.url}/talks/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-input');
    await page.keyboard.type('oversight', { delay: 60 });
    await page.waitForURL(/\/search\/\?q=oversight$/);
    await page.waitForSelector('.result');
  });

  it('moves through results with the arrow keys', async () => {
    await search('interpretability');
    await page.focus('#search-input');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
  });
});
