/**
 * Measures search as a reader meets it, in Debian's Chromium against a built
 * site served with gzip like a static host:
 *   - bytes transferred by the first query on a fresh page (the search page
 *     itself, then everything the query loads: Pagefind's code, index,
 *     filters and result fragments);
 *   - time from the last keystroke to rendered results, once the index is loaded.
 *
 * Usage: node scripts/measure-search.ts [DIST] [--verbose]
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser.ts';
import { serveStatic } from './helpers/static-server.ts';

const QUERIES = ['oversight', 'reward model', 'interpretability', '"scalable oversight"', 'governance', 'alignment research', 'human feedback', 'evaluations'];

export interface SearchMeasurement {
  /** The search page itself, before any query. */
  pageBytes: number;
  /** Bytes each first query loads on a fresh page (Pagefind code, index, filters, fragments), by query. */
  firstQueryBytes: Map<string, number>;
  /** Keystroke to results, each query's index chunks and fragments fetched for the first time. */
  latenciesMs: number[];
  /** The same queries again: their chunks and fragments already loaded. */
  warmLatenciesMs: number[];
}

export async function measureSearch(dist: string, verbose = false): Promise<SearchMeasurement> {
  const site = await serveStatic(dist, { gzip: true });
  const browser = await launchBrowser();
  try {
    let pageBytes = 0;
    const firstQueryBytes = new Map<string, number>();
    for (const query of QUERIES) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      const transfers = countTransfers(page, verbose);
      await page.goto(`${site.url}/search/`, { waitUntil: 'networkidle' });
      pageBytes = await transfers.settle();
      await page.fill('#search-input', query);
      await page.waitForFunction(() => /match/.test(document.querySelector('#search-status')?.textContent ?? ''));
      await page.waitForLoadState('networkidle');
      firstQueryBytes.set(query, await transfers.settle());
      await page.close();
    }
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/search/?q=alignment`);
    await page.waitForFunction(() => /match/.test(document.querySelector('#search-status')?.textContent ?? ''));
    const latenciesMs: number[] = [];
    for (const query of QUERIES) latenciesMs.push(await keystrokeToResults(page, query));
    const warmLatenciesMs: number[] = [];
    for (const query of QUERIES) warmLatenciesMs.push(await keystrokeToResults(page, query));
    return { pageBytes, firstQueryBytes, latenciesMs, warmLatenciesMs };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Sums what a page transfers; page-level events include Pagefind's web worker, which a CDP session would miss. */
function countTransfers(page: Page, verbose: boolean): { settle: () => Promise<number> } {
  const transfers: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    transfers.push(
      request.sizes().then((sizes) => {
        const size = sizes.responseBodySize + sizes.responseHeadersSize;
        if (verbose) console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${new URL(request.url()).pathname}`);
        return size;
      }),
    ),
  );
  return { settle: async () => (await Promise.all(transfers.splice(0))).reduce((sum, size) => sum + size, 0) };
}

/** Types all but the last character, waits, then times the last keystroke until the results are rendered. */
async function keystrokeToResults(page: Page, query: string): Promise<number> {
  await page.fill('#search-input', query.slice(0, -1));
  await page.waitForTimeout(300);
  await page.focus('#search-input');
  await page.evaluate(() => {
    const status = document.querySelector('#search-status') as HTMLElement;
    const timing = new Promise<number>((done) => {
      let start = 0;
      document.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true });
      new MutationObserver((_, observer) => {
        if (start === 0) return;
        observer.disconnect();
        // The status is written after the results list; the next frame is when the reader sees both.
        requestAnimationFrame(() => done(performance.now() - start));
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    (window as unknown as { searchTiming: Promise<number> }).searchTiming = timing;
  });
  const last = query.slice(-1);
  await page.keyboard.press(last === ' ' ? 'Space' : last);
  return page.evaluate(() => (window as unknown as { searchTiming: Promise<number> }).searchTiming);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist');
  const result = await measureSearch(dist, args.includes('--verbose'));
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
  console.log(`search page before any query: ${kb(result.pageBytes)}`);
  for (const [query, bytes] of result.firstQueryBytes)
    console.log(`first query ${query.padEnd(22)} ${kb(bytes).padStart(9)}  (with the page: ${kb(bytes + result.pageBytes)})`);
  const totals = [...result.firstQueryBytes.values()].map((bytes) => bytes + result.pageBytes);
  console.log(`page + first query: median ${kb(median(totals))}, max ${kb(Math.max(...totals))} over ${totals.length} queries`);
  const describe = (values: number[]) => `median ${median(values).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms over ${values.length} queries`;
  console.log(`keystroke to results, new words (their index chunks fetched): ${describe(result.latenciesMs)}`);
  console.log(`keystroke to results, index chunks loaded: ${describe(result.warmLatenciesMs)}`);
}
