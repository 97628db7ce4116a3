import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from './built-site.ts';

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
