/** How long typing must pause before the query shown counts as one the reader may want to return to. */
export const PAUSE_MS = 1000;

/**
 * The search page's history while the reader types: keystrokes replace the current entry, so Back is not
 * a letter at a time, but the first keystroke after a pause adds an entry, so Back returns to the query
 * the reader paused on. Filters and Enter always add one.
 */
export function typingHistory(): { write: (url: string, typing: boolean) => void; typing: () => void } {
  let paused = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const typing = () => {
    paused = false;
    clearTimeout(timer);
    timer = setTimeout(() => (paused = true), PAUSE_MS);
  };
  return {
    write(url, isTyping) {
      const here = `${location.pathname}${location.search}`;
      if (url !== here) history[!isTyping || paused ? 'pushState' : 'replaceState'](null, '', url);
      if (isTyping) typing();
    },
    /** The reader is typing (carried on from another page's box): the next keystroke continues this entry. */
    typing,
  };
}
