import { THEME_STORAGE_KEY, type Theme } from '../lib/theme-storage.ts';

/**
 * The header's theme button: a toggle that is pressed when the dark theme
 * shows. Choosing the theme the system already uses forgets the choice, so
 * the page follows the system again; choosing the other one is remembered.
 * The button stays hidden without JavaScript, where the system decides.
 */
export function bindThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('#theme-toggle');
  if (!button) return;
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = (): Theme => (root.dataset['theme'] as Theme | undefined) ?? (systemDark.matches ? 'dark' : 'light');
  const show = () => button.setAttribute('aria-pressed', String(current() === 'dark'));

  button.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    const system: Theme = systemDark.matches ? 'dark' : 'light';
    try {
      if (next === system) localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage may be off (private windows); the choice then lasts for this page only.
    }
    if (next === system) delete root.dataset['theme'];
    else root.dataset['theme'] = next;
    show();
  });
  systemDark.addEventListener('change', show);
  button.hidden = false;
  show();
}
