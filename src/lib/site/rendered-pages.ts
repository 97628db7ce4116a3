/**
 * Lets the build's integrations change each HTML page as it is rendered, before it is written: the
 * Content-Security-Policy is added to the page from its own inline code.
 *
 * The policy used to be added after every page was written, reading the whole site back from disk
 * and writing it again while the build waited; seen as rendered, each page is handled once, in
 * memory. The middleware that sees each page (src/middleware.ts) is bundled into the build's page
 * code and the integrations are loaded with the config: two copies of this module, so the handlers
 * are kept on the global object under a registered symbol they share.
 */

/** Returns the page to write instead, or nothing to keep it. */
export type PageTransform = (file: string, html: string) => string | void;

const HANDLERS = Symbol.for('alignment-talk-archive.rendered-page-handlers');

function transforms(): Map<string, PageTransform> {
  const global = globalThis as typeof globalThis & { [HANDLERS]?: Map<string, PageTransform> };
  global[HANDLERS] ??= new Map();
  return global[HANDLERS];
}

/** Changes each page before it is written (set during a build; undefined stops it). */
export function transformRenderedPages(name: string, transform: PageTransform | undefined): void {
  if (transform) transforms().set(name, transform);
  else transforms().delete(name);
}

/** True when some integration wants to see rendered pages: during a build, not in `astro dev`. */
export function hasPageHandlers(): boolean {
  return transforms().size > 0;
}

/** The page as it is to be written: every transform applied in turn. */
export function handleRenderedPage(file: string, html: string): string {
  let page = html;
  for (const transform of transforms().values()) page = transform(file, page) ?? page;
  return page;
}
