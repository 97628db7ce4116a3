import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/helpers/browser.ts';
import { buildSite, removeSite } from '../../scripts/helpers/scratch-site.ts';
import { serveStatic } from '../../scripts/helpers/static-server.ts';
import { ROOT } from '../support/paths.ts';
import { selectText } from '../support/page-probes.ts';

const TALK = '/talks/the-engine-quoted/';
const PARAGRAPHS = [
  '**Ada Lovelace:** The engine weaves algebraic patterns just as the loom weaves flowers and leaves.',
  'It has no pretensons whatever to originate anything. It can do whatever we know how to order it to perform.',
  'Its province is to assist us in making available what we are already acquainted with.',
];
const QUOTE = 'no pretensons whatever to originate anything';

const work = mkdtempSync(join(tmpdir(), 'quote-links-'));
const content = join(work, 'content');
let browser: Awaited<ReturnType<typeof launchBrowser>>;

type Served = Awaited<ReturnType<typeof serveStatic>>;

/** The sites built so far, served, by the talk's text: tests that read the same talk share one build. */
const built = new Map<string, Promise<{ out: string; site: Served }>>();

/**
 * Writes the talk with the given paragraphs and builds the site on its own, once for each text; returns
 * it served. The sites are closed and removed after all the tests.
 */
async function buildWith(paragraphs: readonly string[]): Promise<Served> {
  const talk = `---\ntitle: The Engine, Quoted\nkind: talk\nspeakers:\n  - speaker: ada-lovelace\n---\n${paragraphs.join('\n\n')}\n`;
  let build = built.get(talk);
  if (!build) {
    build = (async () => {
      writeFileSync(join(content, 'talks/the-engine-quoted.md'), talk);
      const out = await buildSite(content);
      return { out, site: await serveStatic(out) };
    })();
    built.set(talk, build);
  }
  return (await build).site;
}

async function expectMarkedInView(page: Page, text: string) {
  const mark = page.locator('mark.quote-mark');
  await mark.first().waitFor();
  expect((await mark.allTextContents()).join('')).toBe(text);
  // Scrolling may be smooth: wait for the mark to arrive in view.
  await page.waitForFunction(
    () => {
      const box = document.querySelector('mark.quote-mark')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    },
    null,
    { timeout: 5000 },
  );
}

beforeAll(async () => {
  cpSync(join(ROOT, 'tests/fixtures/mini-archive'), content, { recursive: true });
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const build of built.values()) {
    const { out, site } = await build.catch(() => ({ out: undefined, site: undefined }));
    await site?.close();
    if (out) removeSite(out);
  }
  rmSync(work, { recursive: true, force: true });
});

describe('quote links', () => {
  let link = '';

  it('copies a link to selected text, which opens with the quote marked and in view', async () => {
    const site = await buildWith(PARAGRAPHS);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.goto(`${site.url}${TALK}`);
    await selectText(page, QUOTE);
    await page.locator('#quote-toolbar').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Copy link to quote' }).click();
    await page.waitForFunction(() => document.querySelector('#quote-status')?.textContent === 'Link to the quote copied.');
    link = await page.evaluate(() => navigator.clipboard.readText());
    // As short as finding it again allows: the quote once for the page, once for the browser, no context (its words occur once).
    expect(link).toMatch(
      new RegExp(
        `^${site.url}${TALK}\\?quote=no\\+pretensons\\+whatever\\+to\\+originate\\+anything#p-[a-z0-9]+:~:text=no%20pretensons%20whatever%20to%20originate%20anything$`,
      ),
    );

    const fresh = await browser.context.newPage();
    await fresh.setViewportSize({ width: 1000, height: 400 });
    await fresh.goto(link);
    await expectMarkedInView(fresh, QUOTE);

    // A long quote goes by its first and last words, and opens marked whole.
    const long = 'It has no pretensons whatever to originate anything. It can do whatever we know how to order it to perform.';
    await selectText(page, long);
    // Alt+Q reads the new selection at once (the toolbar otherwise follows it a moment later).
    await page.keyboard.press('Alt+q');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(link);
    const longLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(longLink).search).toBe('?quote=It+has+no+pretensons&to=order+it+to+perform.');
    expect(longLink.length - `${site.url}${TALK}`.length).toBeLessThan(140);
    await fresh.goto(longLink);
    await expectMarkedInView(fresh, long);
  }, 60_000);

  it('offers the quote tools from the keyboard and cites the quote in Markdown and BibTeX', async () => {
    const site = await buildWith(PARAGRAPHS);
    const page = await browser.context.newPage();
    await page.goto(`${site.url}${TALK}`);
    await selectText(page, 'algebraic patterns');
    await page.keyboard.press('Alt+q');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy link to quote');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const dialog = page.locator('#quote-dialog');
    await dialog.waitFor({ state: 'visible' });
    // The site's own buttons, not the system's, and the title at the top, not below a blank band.
    const look = await page.evaluate(() => {
      const box = document.querySelector('#quote-dialog') as HTMLElement;
      const close = box.querySelector('form button') as HTMLElement;
      const style = getComputedStyle(close);
      return {
        titleGap: (box.querySelector('h2') as HTMLElement).getBoundingClientRect().top - box.getBoundingClientRect().top,
        buttons: [...box.querySelectorAll('button')].map((button) => getComputedStyle(button).backgroundColor),
        close: { font: style.fontFamily, radius: style.borderRadius, height: close.getBoundingClientRect().height },
        site: { background: getComputedStyle(document.body).backgroundColor, heading: getComputedStyle(box.querySelector('h2') as HTMLElement).fontFamily },
      };
    });
    expect(look.titleGap).toBeLessThanOrEqual(24);
    expect(new Set(look.buttons)).toEqual(new Set([look.site.background]));
    expect(look.close.font).toBe(look.site.heading);
    expect(look.close.radius).toBe('6px');
    expect(look.close.height).toBeGreaterThanOrEqual(24);
    const markdown = await dialog.locator('[data-citation="markdown"] pre').textContent();
    expect(markdown).toMatch(/^> algebraic patterns\n>\n> — Ada Lovelace, “The Engine, Quoted”, Talk\. <http/);
    expect(await dialog.locator('[data-citation="markdown"] pre span[style]').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Copy BibTeX' }).click();
    await page.waitForFunction(() => document.querySelector('#quote-status')?.textContent === 'BibTeX citation copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^@misc\{lovelaceengine,[\s\S]*note = \{Ada Lovelace: ``algebraic patterns''\}/);
  }, 60_000);

  it('still finds the quote after a paragraph is inserted before it and a word inside it is corrected', async () => {
    const edited = [PARAGRAPHS[0]!, 'A paragraph inserted later, before the quote.', PARAGRAPHS[1]!.replace('pretensons', 'pretensions'), PARAGRAPHS[2]!];
    const site = await buildWith(edited);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.goto(link.replace(/^http:\/\/[^/]+/, site.url));
    await expectMarkedInView(page, 'no pretensions whatever to originate anything');
  }, 60_000);

  it('says so, and shows the closest passage, when the quote is gone', async () => {
    const site = await buildWith([PARAGRAPHS[0]!, 'It can do whatever we know how to order it to perform, and it originates nothing.', PARAGRAPHS[2]!]);
    const page = await browser.context.newPage();
    await page.goto(link.replace(/^http:\/\/[^/]+/, site.url));
    await expect(page.locator('.quote-notice').textContent()).resolves.toContain('are no longer in this transcript');
    expect(await page.locator('.quote-closest').count()).toBe(1);
  }, 60_000);
});
