/**
 * Lets the build's integrations change each HTML page as it is rendered, before it is written (the
 * Content-Security-Policy is added to the page from its own inline code), and see it as written
 * (the search index is fed with it while the rest of the site is rendered).
 *
 * The policy used to be added after every page was written, reading the whole site back from disk
 * and writing it again while the build waited; seen as rendered, each page is handled once, in
 * memory. The middleware that sees each page (src/middleware.ts) is bundled into the build's page
 * code and the integrations are loaded with the config: two copies of this module, so the handlers
 * are kept on the global object under a registered symbol they share.
 */

/** Returns the page to write instead, or nothing to keep it. */
export type PageTransform = (file: string, html: string) => string | void;
/** Sees each page as it will be written, after every transform. */
export type PageObserver = (file: string, html: string) => void;

const HANDLERS = Symbol.for('alignment-talk-archive.rendered-page-handlers');
const OBSERVERS = Symbol.for('alignment-talk-archive.rendered-page-observers');

function registry<T>(key: symbol): Map<string, T> {
  const global = globalThis as typeof globalThis & Record<symbol, Map<string, T> | undefined>;
  global[key] ??= new Map();
  return global[key];
}

function transforms(): Map<string, PageTransform> {
  return registry(HANDLERS);
}

function observers(): Map<string, PageObserver> {
  return registry(OBSERVERS);
}

/** Changes each page before it is written (set during a build; undefined stops it). */
export function transformRenderedPages(name: string, transform: PageTransform | undefined): void {
  if (transform) transforms().set(name, transform);
  else transforms().delete(name);
}

/** Shows each page, as it will be written, to `observer` (set during a build; undefined stops it). */
export function observeRenderedPages(name: string, observer: PageObserver | undefined): void {
  if (observer) observers().set(name, observer);
  else observers().delete(name);
}

/** True when some integration wants to see rendered pages: during a build, not in `astro dev`. */
export function hasPageHandlers(): boolean {
  return transforms().size > 0 || observers().size > 0;
}

/** The page as it is to be written: every transform applied in turn, then shown to the observers. */
export function handleRenderedPage(file: string, html: string): string {
  let page = html;
  for (const transform of transforms().values()) page = transform(file, page) ?? page;
  for (const observe of observers().values()) observe(file, page);
  return page;
}
