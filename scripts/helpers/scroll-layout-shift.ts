import { launchBrowser } from './browser.ts';

export interface ScrollShift {
  width: number;
  /** Sum of every layout-shift score from loading to the end of the page (an upper bound of CLS). */
  total: number;
  /** The elements that moved, by tag and class, with the share of the total each was part of. */
  sources: string[];
}

const WIDTHS = [
  { width: 412, height: 823 },
  { width: 1280, height: 900 },
];
const WHEEL_STEP = 700;

/**
 * Layout shift while reading a page from top to bottom, which Lighthouse's
 * load-only measure misses (the contents marking the part being read, say).
 * Scrolls with the mouse wheel, which is not input that excuses a shift, at
 * a phone's width and a desktop's, in Chromium.
 */
export async function measureScrollShift(url: string): Promise<ScrollShift[]> {
  const browser = await launchBrowser();
  try {
    const results: ScrollShift[] = [];
    for (const viewport of WIDTHS) {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const shifts: { value: number; sources: string[] }[] = [];
        (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] }[]) {
            if (entry.hadRecentInput) continue;
            const sources = entry.sources.map(({ node }) =>
              node instanceof Element ? `${node.localName}${node.classList.length > 0 ? `.${[...node.classList].join('.')}` : ''}` : 'text',
            );
            shifts.push({ value: entry.value, sources });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url, { waitUntil: 'load' });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += WHEEL_STEP) {
        await page.mouse.wheel(0, WHEEL_STEP);
        await page.waitForTimeout(30);
      }
      await page.waitForTimeout(300);
      const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts);
      const bySource = new Map<string, number>();
      for (const shift of shifts) for (const source of new Set(shift.sources)) bySource.set(source, (bySource.get(source) ?? 0) + shift.value);
      results.push({
        width: viewport.width,
        total: shifts.reduce((sum, shift) => sum + shift.value, 0),
        sources: [...bySource].sort((a, b) => b[1] - a[1]).map(([source, value]) => `${source} (${value.toFixed(4)})`),
      });
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}
