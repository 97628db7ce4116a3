import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml, formatProblem } from '../../scripts/check-html.ts';
import { checkLinks, formatBroken } from '../../scripts/check-links.ts';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { buildSite, removeSite } from '../../scripts/helpers/scratch-site.ts';
import { serveStatic } from '../../scripts/helpers/static-server.ts';
import { htmlFiles } from '../../src/lib/output/html-files.ts';
import { selectText } from '../support/page-probes.ts';

// Content written to attack the site: <script>, onerror= and other handlers, javascript: links
// (plain, in capitals, with spaces, entity-encoded), iframes, <style>, HTML in titles, names,
// labels, summaries, footnotes and front matter. Every attempt sets window.__hostile. The site is
// built from it and every page is checked in the HTML and in Chromium, with and without the
// Content-Security-Policy: the markup must stay text whether or not the policy is there.
const FIXTURE = resolve(import.meta.dirname, '../fixtures/hostile-archive');
const TALK = '/talks/script-in-the-transcript/';
let out: string;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let context: BrowserContext;

const pages = () => htmlFiles(out).map((file) => `/${relative(out, file).split('\\').join('/')}`.replace(/index\.html$/, ''));
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

beforeAll(async () => {
  out = await buildSite(FIXTURE);
  site = await serveStatic(out);
  browser = await launchBrowser();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) removeSite(out);
});

describe('hostile markup in content', () => {
  it('never reaches a page as live markup: no handler, no javascript: URL, no script of its own', async () => {
    const { pages: count, problems } = await checkHtml(out);
    expect(count).toBeGreaterThan(5);
    expect(problems.map(formatProblem)).toEqual([]);
    for (const file of htmlFiles(out)) {
      const root = parse(readFileSync(file, 'utf8'), { blockTextElements: { script: true, style: true } });
      for (const script of root.querySelectorAll('script')) {
        if (EXECUTABLE.has((script.getAttribute('type') ?? '').toLowerCase())) expect(script.rawText, file).not.toContain('__hostile');
        // Data blocks (JSON-LD, citation data) hold the text, escaped so that it cannot close its <script>.
        else expect(script.rawText.toLowerCase(), file).not.toContain('</script');
      }
      expect(
        root.querySelectorAll('main iframe, main object, main embed, main img, main svg, main style').map((element) => element.outerHTML),
        file,
      ).toEqual([]);
    }
  });

  it('shows Markdown images as links to them, in transcripts, bios, descriptions and topic texts', () => {
    const links = (path: string) =>
      parse(readFileSync(join(out, path, 'index.html'), 'utf8'))
        .querySelectorAll('main a.content-image')
        .map((link) => [link.getAttribute('href'), link.textContent]);
    expect(links(TALK)).toEqual([
      ['https://tracker.example/pixel.gif', 'Image: a pixel'],
      ['http://tracker.example/p.gif', 'Image: tracker.example'],
    ]);
    expect(links('speakers/mallory/')).toEqual([['https://tracker.example/mallory.jpg', 'Image: Mallory']]);
    expect(links('events/hostile-workshop/')).toEqual([['https://tracker.example/banner.png', 'Image: banner']]);
    expect(links('topics/injection/')).toEqual([['https://tracker.example/diagram.svg', 'Image: diagram']]);
  });

  it('shows the markup of a transcript as the text it is', () => {
    const transcript = parse(readFileSync(join(out, TALK, 'index.html'), 'utf8')).querySelector('.transcript');
    const text = transcript?.textContent ?? '';
    expect(text).toContain(`<script>window.__hostile = 'script'</script>`);
    expect(text).toContain(`<img src=x onerror="window.__hostile = 'onerror'">`);
    expect(text).toContain(`<a href="javascript:window.__hostile='anchor'">anchor</a>`);
    expect(text).toContain(`[click me](javascript:window.__hostile='markdown-link')`);
    // A label that is HTML is a voice like any other, shown as written.
    expect(transcript?.querySelectorAll('.turn').map((turn) => turn.getAttribute('data-speaker-name'))).toContain(
      `<img src=x onerror="window.__hostile = 'voice'">`,
    );
  });

  it('names turns, footnotes and links after keys every object inherits as it would any other', () => {
    const page = parse(readFileSync(join(out, 'talks/prototype-keys/index.html'), 'utf8'));
    expect(page.querySelectorAll('.turn').map((turn) => [turn.getAttribute('data-speaker'), turn.getAttribute('data-speaker-name')])).toEqual([
      ['constructor', 'toString'],
      ['constructor', 'toString'],
      ['voice', '__proto__'],
    ]);
    expect(page.querySelectorAll('.footnotes li').map((note) => note.textContent.trim().replace(/\s*↩︎?$/, ''))).toEqual([
      'A footnote named constructor.',
      'A footnote named __proto__.',
    ]);
    expect(page.querySelector('.transcript a[href="https://example.org/proto"]')?.textContent).toBe('named like a key');
  });

  it('cites a quote holding $& and the other replacement patterns as written', async () => {
    const quote = "Replacement patterns are text too: $& and $' and $` and $$ and $1 cost nothing.";
    const page = await context.newPage();
    await page.goto(`${site.url}${TALK}`);
    await selectText(page, quote);
    await page.locator('#quote-toolbar button[data-action="cite"]').click();
    const shown = (kind: string) => page.locator(`#quote-dialog [data-citation="${kind}"] .citation-view`).innerText();
    expect(await shown('markdown')).toContain(`> ${quote}`);
    expect(await shown('bibtex')).toContain("``Replacement patterns are text too: \\$\\& and \\$' and \\$` and \\$\\$ and \\$1 cost nothing.''");
    await page.close();
  });

  it('leaves no broken link behind', () => {
    expect(formatBroken(checkLinks(out).broken)).toEqual([]);
  });

  for (const policy of ['without', 'with'] as const) {
    it(`runs none of it in Chromium, ${policy} the Content-Security-Policy`, async () => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      if (policy === 'without') {
        // Take the policy out, to show the markup is inert on its own and not only blocked.
        await page.route('**/*', async (route) => {
          const response = await route.fetch();
          if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return route.fulfill({ response });
          const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
          return route.fulfill({ response, body });
        });
      }
      // Nothing in the content may make the page load anything from another site (an image is a link).
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(site.url)) elsewhere.push(request.url());
      });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      for (const path of pages()) {
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        const state = await page.evaluate(async () => {
          // Hover everything, as a reader's pointer would, and give any handler time to fire.
          for (const element of document.querySelectorAll('main *')) element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          await new Promise((done) => setTimeout(done, 50));
          return {
            hostile: (window as unknown as { __hostile?: string }).__hostile,
            scriptLinks: [...document.querySelectorAll('a[href]')].filter((link) => (link as HTMLAnchorElement).protocol === 'javascript:').length,
            hidden: getComputedStyle(document.body).display === 'none',
          };
        });
        expect({ path, ...state }).toEqual({ path, hostile: undefined, scriptLinks: 0, hidden: false });
      }
      expect(dialogs).toEqual([]);
      expect(elsewhere).toEqual([]);
      // Nothing inline was even attempted, so the policy had nothing to block.
      expect(violations).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
