import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIST, useBuiltSite } from '../support/built-site.ts';

// A link is made by anyone: what it asks of the page must cost a reader at most about 100 ms, on
// the page where it costs most, the longest transcript. A megabyte-long ?quote= once froze it for
// 40 s, ?highlight= for 15 s (100 KB, for seconds), and a malformed fragment stopped the quote tools. The cost measured
// is the renderer's script time, against the same page with an unrelated parameter of the same
// length: Chromium's own handling of a long address is no script of the site's.
const TALK = '/talks/jan-leike-superalignment-interview/';
const site = useBuiltSite();
const html = readFileSync(join(DIST, TALK, 'index.html'), 'utf8');
/** 100 KB: six times what a page reads of its address, and far past any cap; a megabyte measures the same. */
const LONG = 'word '.repeat(20_000).trim();

/** The transcript's commonest words, 1,200 characters of them: a quote made to match everywhere a little. */
const COMMON = (() => {
  const counts = new Map<string, number>();
  for (const word of html
    .replace(/<[^>]+>/g, ' ')
    .toLowerCase()
    .match(/[a-z']+/g) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([word]) => word)
    .join(' ')
    .slice(0, 1200);
})();

/** Opens the talk at `search` and `hash`, served whatever the address's length; returns the script time and any page errors. */
async function open(search: string, hash = ''): Promise<{ page: Page; script: number; task: number; errors: string[] }> {
  const page = await site.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Served from the build whatever the query: a static server refuses an address this long.
  await page.route(`${site.url}${TALK}?*`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  // Without smooth scrolling: the scroll to a passage then takes one frame, as it does for a reader
  // who asks for less motion, instead of the frames any link into a passage animates over.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${site.url}${TALK}${search}${hash}`, { waitUntil: 'load', timeout: 20_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => Math.round((metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000);
  return { page, script: metric('ScriptDuration'), task: metric('TaskDuration'), errors };
}

/** The least script time of `runs` loads (noise only adds), closing the pages. */
async function cost(search: string, runs = 2): Promise<{ script: number; task: number }> {
  const results = [];
  for (let run = 0; run < runs; run += 1) {
    const { page, script, task, errors } = await open(search);
    expect(errors).toEqual([]);
    results.push({ script, task });
    await page.close();
  }
  return { script: Math.min(...results.map((result) => result.script)), task: Math.min(...results.map((result) => result.task)) };
}

describe('a crafted link to the longest transcript', () => {
  it.each([
    ['a quote of 100 KB', { quote: LONG }],
    ['a quote of the commonest words, with 100 KB of context either side', { quote: COMMON, before: LONG, after: LONG }],
    ['a highlight of 100 KB of the commonest words, with no passage named', { highlight: `${COMMON} `.repeat(84) }],
  ])(
    'costs at most 100 ms of script: %s',
    async (what, parameters) => {
      const search = `?${new URLSearchParams(parameters)}`;
      const crafted = await cost(search);
      const unrelated = await cost(`?${new URLSearchParams({ unrelated: 'x'.repeat(search.length - 11) })}`, 1);
      console.info(
        `${what}: script ${crafted.script} ms (${unrelated.script} ms with an unrelated parameter as long), main thread ${crafted.task} ms (${unrelated.task} ms)`,
      );
      expect(crafted.script - unrelated.script).toBeLessThanOrEqual(100);
    },
    60_000,
  );

  it('with a malformed fragment still marks its quote and starts the quote tools', async () => {
    const { page, errors } = await open(`?${new URLSearchParams({ quote: 'we have a real shot' })}`, '#%E0%A4%A');
    expect(errors).toEqual([]);
    await expect.poll(() => page.locator('mark.quote-mark').allTextContents()).toEqual(['we have a real shot']);
    await page.evaluate(() => {
      const mark = document.querySelector('mark.quote-mark') as Node;
      const range = document.createRange();
      range.selectNodeContents(mark);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    });
    await page.locator('#quote-toolbar').waitFor({ state: 'visible', timeout: 5_000 });
    await page.close();
  });
});
