import { resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { serveStatic } from '../../scripts/helpers/static-server.ts';

/** The built site; ARCHIVE_DIST_DIR tests a build made elsewhere (astro build --outDir). */
export const DIST = process.env['ARCHIVE_DIST_DIR'] ?? resolve(import.meta.dirname, '../../dist');

/**
 * Serves the built site and starts Chromium for the test file that calls
 * this, closing both after its tests. Read `url` and `context` inside tests.
 */
export function useBuiltSite(dist = DIST): { url: string; context: BrowserContext } {
  const state = {} as { url: string; context: BrowserContext };
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    site = await serveStatic(dist);
    browser = await launchBrowser();
    state.url = site.url;
    state.context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return state;
}
