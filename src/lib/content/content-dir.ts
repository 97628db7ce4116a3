import { resolve } from 'node:path';

/** Environment variable that points the site at another archive's content folder. */
export const CONTENT_DIR_VARIABLE = 'ARCHIVE_CONTENT_DIR';

/** The content folder: `$ARCHIVE_CONTENT_DIR` if set, else `./content`, as an absolute path. */
export function contentDir(environment: NodeJS.ProcessEnv = process.env): string {
  return resolve(environment[CONTENT_DIR_VARIABLE] || 'content');
}
