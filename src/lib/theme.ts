import { THEME_STORAGE_KEY } from './theme-storage.ts';

/**
 * The inline script of every page that keeps the theme, run in <head> before anything is
 * drawn: it applies a remembered theme choice so a reader who chose dark on
 * a light system never sees a flash of the light theme. The build's
 * Content-Security-Policy allows it by its hash, taken from each page as written
 * (src/lib/security/). Without a stored choice it does nothing and the
 * stylesheet follows the system's setting.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
