import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { standInForYouTube } from '../support/youtube-stand-in.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0 to 2.2, levels A and AA, and axe's best practices (landmarks, heading order, one main, a level-one heading). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** Rules axe leaves off by default that the archive keeps: every tap target at least 24 by 24 px, or spaced as far apart (WCAG 2.2, 2.5.8). */
const ALSO_ON = { 'target-size': { enabled: true } };

/**
 * One page of every type, and the states a reader meets (a talk with and without a transcript, search with results,
 * a talk's recording playing, a moment link's offer to play). `press` is clicked before the check, `ready` awaited.
 */
const PAGES: { name: string; path: string; ready?: string; press?: string }[] = [
  { name: 'home', path: '/' },
  { name: 'talks index', path: '/talks/' },
  { name: 'talks index, filtered', path: '/talks/?speaker=jan-leike&sort=title' },
  { name: 'talk with transcript and contents', path: '/talks/jan-leike-scaling-rlhf/' },
  { name: 'talk with its recording playing', path: '/talks/jan-leike-scaling-rlhf/', press: '.player-facade', ready: '.player-frame iframe' },
  { name: 'link to a moment of a lightning talk', path: '/talks/vincent-conitzer-foundations-cooperative-ai/?t=3700', ready: '#player-bar:not([hidden])' },
  { name: 'interview', path: '/talks/jan-leike-superalignment-interview/' },
  { name: 'essay with footnotes', path: '/talks/zac-hatfield-dodds-concrete-reasons-for-hope/' },
  { name: 'talk without transcript', path: '/talks/chris-olah-mechanistic-interpretability/' },
  { name: 'speakers index', path: '/speakers/' },
  { name: 'speaker', path: '/speakers/jan-leike/' },
  { name: 'topics index', path: '/topics/' },
  { name: 'topic', path: '/topics/interpretability/' },
  { name: 'events index', path: '/events/' },
  { name: 'event', path: '/events/sf-alignment-workshop-2023/' },
  { name: 'about', path: '/about/' },
  { name: 'search with results', path: '/search/?q=interpretability', ready: '.result' },
  { name: 'search with "Did you mean"', path: '/search/?q=intrepretability', ready: '#search-suggestion:not([hidden])' },
  { name: 'search with a filter in use', path: '/search/?q=alignment&speaker=Jan+Leike', ready: '.result-more' },
  { name: 'not found', path: '/no-such-page/' },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string | undefined }[];
}

const built = useBuiltSite();
beforeAll(async () => {
  await standInForYouTube(built.context);
});

async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the browser's debugging protocol: the site's Content-Security-Policy rightly blocks an injected <script>.
  await page.evaluate(AXE);
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.slice(0, 5).map(({ target, failureSummary }) => ({ target, failureSummary })),
      }));
    },
    { tags: TAGS, rules: ALSO_ON },
  );
}

const describeViolations = (found: Violation[]) =>
  found
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');

describe.each(['light', 'dark'] as const)('axe, %s theme', (scheme) => {
  it.each(PAGES)('$name ($path) has no violations', async ({ path, ready, press }) => {
    const page = await built.context.newPage();
    try {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.goto(`${built.url}${path}`);
      if (press) await page.click(press);
      if (ready) await page.waitForSelector(ready);
      const found = await violations(page);
      expect(found, describeViolations(found)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('reaches the skip link first, and it moves to the main content', async () => {
    const page = await built.context.newPage();
    try {
      await page.goto(`${built.url}/talks/jan-leike-scaling-rlhf/`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      const box = await page.evaluate(() => document.activeElement?.getBoundingClientRect().left ?? -1);
      expect(box).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(new URL(page.url()).hash).toBe('#main');
    } finally {
      await page.close();
    }
  });

  it('shows where the focus is, on links, buttons and fields', async () => {
    const page = await built.context.newPage();
    try {
      await page.goto(`${built.url}/talks/`);
      for (let step = 0; step < 12; step += 1) {
        await page.keyboard.press('Tab');
        const outline = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          return { tag: element.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
        });
        expect(outline.style, `${outline.tag} at step ${step}`).not.toBe('none');
        expect(outline.width, `${outline.tag} at step ${step}`).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await page.close();
    }
  });
});
