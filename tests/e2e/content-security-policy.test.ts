import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { serveStatic } from '../../scripts/helpers/static-server.ts';
import { htmlFiles } from '../../src/lib/output/html-files.ts';
import { DIST } from '../support/paths.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;
/** The policy of `_headers`, sent with every response as a host that reads the file does. */
let headerPolicy: string;

/** What a page reports about its policy: violation events, and console lines from it and its workers. */
interface Watch {
  violations: () => Promise<string[]>;
  console: string[];
}

async function watch(page: Page): Promise<Watch> {
  const lines: string[] = [];
  const listen = (message: { type: () => string; text: () => string }) => {
    if (/Content.Security.Policy|Refused to|falling back to main thread/i.test(message.text())) lines.push(`${message.type()}: ${message.text()}`);
  };
  page.on('console', listen);
  page.on('worker', (worker) => worker.on('console', listen));
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) =>
      found.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`),
    );
  });
  return { violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), console: lines };
}

beforeAll(async () => {
  if (!existsSync(join(DIST, '_headers'))) throw new Error(`${DIST} has no _headers: build the site first (npm run build; npm test does)`);
  headerPolicy = /^\s*Content-Security-Policy:\s*(.+)$/m.exec(readFileSync(join(DIST, '_headers'), 'utf8'))?.[1] ?? '';
  site = await serveStatic(DIST);
  browser = await launchBrowser();
  context = browser.context;
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': headerPolicy } });
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the Content-Security-Policy', () => {
  it('is in _headers with frame-ancestors, and in every page without it', () => {
    expect(headerPolicy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(headerPolicy).toContain("frame-ancestors 'none'");
    for (const file of htmlFiles(DIST)) {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(readFileSync(file, 'utf8'))?.[1];
      expect(meta, file).toBeDefined();
      expect(meta, file).not.toContain('frame-ancestors');
    }
  });

  it('lets every page of the site load without a single violation', async () => {
    const page = await context.newPage();
    const watched = await watch(page);
    const violations: string[] = [];
    for (const file of htmlFiles(DIST)) {
      const path = `/${relative(DIST, file).split('\\').join('/')}`.replace(/index\.html$/, '');
      await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
      violations.push(...(await watched.violations()).map((violation) => `${path}: ${violation}`));
    }
    expect(violations).toEqual([]);
    expect(watched.console).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets search run: Pagefind in its web worker, with WebAssembly, finding results', async () => {
    const page = await context.newPage();
    const watched = await watch(page);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${site.url}/search/?q=interpretability`);
    await page.waitForSelector('.result');
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
    expect(workers.some((url) => url.endsWith('/pagefind/pagefind-worker.js'))).toBe(true);
    expect(await watched.violations()).toEqual([]);
    expect(watched.console).toEqual([]);
    await page.close();
  });

  it('blocks inline script the build did not put there', async () => {
    const page = await context.newPage();
    const watched = await watch(page);
    await page.goto(`${site.url}/`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      const image = document.createElement('div');
      image.innerHTML = '<img src="data:," onerror="window.injected = true">';
      document.body.append(image);
      await new Promise((done) => setTimeout(done, 200));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await watched.violations()).some((violation) => violation.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});
