/** "/" or Ctrl/Cmd-K focuses the search box, as on most sites with search, unless the reader is typing. */
export function bindSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    const isSlash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
    const isCommandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!isSlash && !isCommandK) return;
    const target = event.target as HTMLElement | null;
    if (isSlash && target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    const box = document.querySelector<HTMLInputElement>('#search-input, #header-search-input');
    if (!box) return;
    event.preventDefault();
    // On a phone the header's box is folded into a button: open it (header-search.ts).
    if (box.id === 'header-search-input' && box.getClientRects().length === 0) document.dispatchEvent(new CustomEvent('archive:open-search'));
    box.focus();
    box.select();
  });
}
