import { createHash } from 'node:crypto';
import { THEME_STORAGE_KEY } from './theme-storage.ts';

/**
 * The inline script of every page that keeps the theme, run in <head> before anything is
 * drawn: it applies a remembered theme choice so a reader who chose dark on
 * a light system never sees a flash of the light theme. Keep it byte-for-byte
 * stable: a Content-Security-Policy allows it by its hash
 * (THEME_INIT_SCRIPT_HASH). Without a stored choice it does nothing and the
 * stylesheet follows the system's setting.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

/** The CSP source expression for THEME_INIT_SCRIPT, e.g. for `script-src`. */
export const THEME_INIT_SCRIPT_HASH = `sha256-${createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64')}`;
