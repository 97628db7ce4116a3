import { fragmentId } from '../lib/link-parameters.ts';

/**
 * Where you are in a long transcript: marks the table-of-contents entry of
 * the part being read with aria-current="location", and keeps it in view in
 * the contents list when that list scrolls on its own (the sticky sidebar).
 * `onChange` hears of each new entry (the reading bar shows its name).
 */
export function trackReadingPosition(onChange?: (entry: HTMLAnchorElement | undefined) => void): void {
  const toc = document.querySelector<HTMLElement>('.toc');
  if (!toc) return;
  const entries = [...toc.querySelectorAll<HTMLAnchorElement>('ol a[href^="#"]')].flatMap((link) => {
    // The attribute as written ("#p-…"): link.hash resolves the link against the page's address
    // first, which for a crafted address of a megabyte took 50 ms a link.
    const target = document.getElementById(fragmentId(link.getAttribute('href') ?? ''));
    return target ? [{ link, target }] : [];
  });
  if (entries.length === 0) return;
  let current: HTMLAnchorElement | undefined;
  let scheduled = false;

  const update = () => {
    scheduled = false;
    // The part being read is the last one whose start has passed the upper fifth of the window.
    const line = window.innerHeight * 0.2;
    let reading: HTMLAnchorElement | undefined;
    for (const { link, target } of entries) {
      if (target.getBoundingClientRect().top <= line) reading = link;
      else break;
    }
    if (reading === current) return;
    current?.removeAttribute('aria-current');
    current = reading;
    onChange?.(reading);
    if (!reading) return;
    reading.setAttribute('aria-current', 'location');
    if (toc.scrollHeight > toc.clientHeight) {
      const item = reading.getBoundingClientRect();
      const box = toc.getBoundingClientRect();
      if (item.top < box.top || item.bottom > box.bottom) toc.scrollTop += item.top - box.top - box.height / 3;
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(update);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  update();
}
