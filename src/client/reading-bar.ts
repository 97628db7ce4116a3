import { trackReadingPosition } from './reading-position.ts';
import { sectionTargets, stepTo } from './transcript-steps.ts';

/**
 * The reading bar (ReadingBar.astro): the section being read, the contents in a sheet, the previous
 * and next section, and the search, from anywhere in a long transcript.
 */
export function startReadingBar(): void {
  const bar = document.querySelector<HTMLElement>('.reading-bar');
  const sheet = document.querySelector<HTMLDialogElement>('#contents-sheet');
  const toc = document.querySelector<HTMLElement>('.toc');
  const current = bar?.querySelector<HTMLElement>('.reading-bar-current');
  if (!bar || !sheet || !toc || !current) return;
  const home = { parent: toc.parentElement as HTMLElement, next: toc.nextSibling };

  trackReadingPosition((entry) => {
    current.textContent = entry ? entryName(entry) : '';
  });

  const openSheet = () => {
    // The one list of contents moves into the sheet while it is open, and back after.
    sheet.append(toc);
    sheet.showModal();
    (toc.querySelector<HTMLElement>('a[aria-current]') ?? toc.querySelector<HTMLElement>('ol a'))?.focus();
  };
  sheet.addEventListener('close', () => home.parent.insertBefore(toc, home.next));
  sheet.addEventListener('click', (event) => {
    if (event.target === sheet) return sheet.close(); // a tap on the backdrop
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]');
    if (!link) return;
    sheet.close();
    if (link.hash && !link.dataset['t']) {
      event.preventDefault();
      location.hash = link.hash;
    }
  });
  window.matchMedia('(min-width: 64.01rem)').addEventListener('change', () => sheet.open && sheet.close());

  bar.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.classList.contains('reading-bar-contents')) openSheet();
    else if (button.classList.contains('reading-bar-search')) document.dispatchEvent(new CustomEvent('archive:open-search'));
    else if (button.dataset['step']) stepTo(sectionTargets(), Number(button.dataset['step']) as 1 | -1);
  });
}

/** An entry's words without its speaker: "What do you…", "Scalable oversight". */
function entryName(entry: HTMLAnchorElement): string {
  const words = entry.cloneNode(true) as HTMLElement;
  words.querySelector('strong')?.remove();
  return (words.textContent ?? '').replace(/\s+/g, ' ').trim();
}
