import type { Page } from 'playwright-core';

/**
 * Every layout shift's score since the page began, whether or not the reader had just pressed
 * something (Chromium's buffered `layout-shift` entries); empty when nothing has moved.
 */
export function layoutShifts(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        new PerformanceObserver((list) => done(list.getEntries().map((entry) => (entry as unknown as { value: number }).value))).observe({
          type: 'layout-shift',
          buffered: true,
        });
        window.setTimeout(() => done([]), 500);
      }),
  );
}

/** The sum of every layout shift since the page began. */
export async function layoutShift(page: Page): Promise<number> {
  return (await layoutShifts(page)).reduce((sum, value) => sum + value, 0);
}

/** Selects text of the transcript as a reader would, by its words; fails when they are not on the page. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('.transcript') as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`text not on the page: ${wanted}`);
  }, text);
}
