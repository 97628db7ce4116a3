/** Debian's Chromium; override with CHROMIUM_PATH. Tests never download a browser. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
