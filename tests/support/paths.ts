import { resolve } from 'node:path';

/** The project's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The built site the site and browser tests read: `dist/`, or the folder ARCHIVE_DIST_DIR names. */
export const DIST = process.env['ARCHIVE_DIST_DIR'] ?? resolve(ROOT, 'dist');
