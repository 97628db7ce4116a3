import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** HTML files below a built site's folder, in path order, leaving out Pagefind's. */
export function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.slice(folder.length).split(/[\\/]/).includes('pagefind'))
    .sort();
}

/** A page's file below the output folder, with forward slashes: `talks/x/index.html`. */
export function sitePath(outDir: string, path: string): string {
  return relative(outDir, path).split('\\').join('/');
}

/**
 * The file a static build writes for a page's path, relative to the output folder, with Astro's
 * directory format: `/talks/x/` is `talks/x/index.html`, `/` is `index.html`; the error pages are
 * `404.html` and `500.html`, with or without a trailing slash in their path.
 */
export function pageFile(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+/, '');
  const errorPage = /^(404|500)\/?$/.exec(path);
  if (errorPage) return `${errorPage[1]}.html`;
  return path === '' || path.endsWith('/') ? `${path}index.html` : `${path}.html`;
}
