import { CARRY_PAUSE_MS, carryQuery } from './search/carried-query.ts';

/**
 * On a phone the header's search box is folded into a button, so the header takes one line and a
 * transcript's first words reach the first screen. The button (and anything that asks, such as a
 * transcript's reading bar, with an `archive:open-search` event) opens the box over the top of the
 * window, focused; Escape, the × button or a tap elsewhere closes it. Wider screens show the box.
 */
export function bindHeaderSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#header-search');
  const toggle = document.querySelector<HTMLButtonElement>('.search-toggle');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const close = form?.querySelector<HTMLButtonElement>('.header-search-close');
  if (!form || !toggle || !input || !close) return;
  toggle.hidden = false;
  const header = form.closest<HTMLElement>('.site-header');

  const setOpen = (open: boolean) => {
    header?.classList.toggle('search-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) input.focus();
  };
  toggle.addEventListener('click', () => setOpen(true));
  document.addEventListener('archive:open-search', () => setOpen(true));
  close.addEventListener('click', () => {
    setOpen(false);
    toggle.focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !header?.classList.contains('search-open')) return;
    setOpen(false);
    toggle.focus();
  });
  document.addEventListener('pointerdown', (event) => {
    if (header?.classList.contains('search-open') && !form.contains(event.target as Node) && !toggle.contains(event.target as Node)) setOpen(false);
  });
  // Typing goes on at the search page, with the words and the focus (carried-query.ts), once the reader
  // pauses for a moment: keys pressed while one page gives way to the next would be lost.
  let leaving = false;
  let pause: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', (event) => {
    clearTimeout(pause);
    // Mid-composition (an input method building a character) the words are not yet typed.
    if ((event as InputEvent).isComposing || input.value.trim() === '' || !carryQuery(input.value) || leaving) return;
    pause = setTimeout(() => {
      leaving = true;
      location.assign(`${form.action}?${new URLSearchParams({ q: input.value }).toString()}`);
    }, CARRY_PAUSE_MS);
  });
  // Back to this page from the search page, the box may be used again.
  addEventListener('pageshow', () => (leaving = false));
  // "/" and Ctrl-K focus the box (search-shortcut.ts): on a phone that opens it.
  input.addEventListener('focus', () => {
    if (getComputedStyle(toggle).display !== 'none') setOpen(true);
  });
}
