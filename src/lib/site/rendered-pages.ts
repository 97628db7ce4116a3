/**
 * Lets the build's integrations see, and change, each HTML page as it is rendered, before it is
 * written: the Content-Security-Policy is added to the page, then the search indexer takes it.
 *
 * Both used to run after every page was written, reading the whole site back from disk (and the
 * policy pass writing it again) while the build waited. Seen as rendered, each page is handled once,
 * in memory, and Pagefind's indexer (a separate process) parses it on the second core while Astro
 * renders the rest. The middleware that sees each page (src/middleware.ts) is bundled into the build's
 * page code and the integrations are loaded with the config: two copies of this module, so the
 * handlers are kept on the global object under a registered symbol they share.
 */

/** Returns the page to write instead, or nothing to keep it. */
export type PageTransform = (file: string, html: string) => string | void;
export type PageObserver = (file: string, html: string) => void;

interface Handlers {
  transforms: Map<string, PageTransform>;
  observers: Map<string, PageObserver>;
}

const HANDLERS = Symbol.for('alignment-talk-archive.rendered-page-handlers');

function handlers(): Handlers {
  const global = globalThis as typeof globalThis & { [HANDLERS]?: Handlers };
  global[HANDLERS] ??= { transforms: new Map(), observers: new Map() };
  return global[HANDLERS];
}

/** Changes each page before it is written (set during a build; undefined stops it). */
export function transformRenderedPages(name: string, transform: PageTransform | undefined): void {
  if (transform) handlers().transforms.set(name, transform);
  else handlers().transforms.delete(name);
}

/** Sees each page as it is written, after every transform (undefined stops it). */
export function observeRenderedPages(name: string, observer: PageObserver | undefined): void {
  if (observer) handlers().observers.set(name, observer);
  else handlers().observers.delete(name);
}

/** True when some integration wants to see rendered pages: during a build, not in `astro dev`. */
export function hasPageHandlers(): boolean {
  const { transforms, observers } = handlers();
  return transforms.size > 0 || observers.size > 0;
}

/** The page as it is to be written: every transform applied in turn, then shown to every observer. */
export function handleRenderedPage(file: string, html: string): string {
  const { transforms, observers } = handlers();
  let page = html;
  for (const transform of transforms.values()) page = transform(file, page) ?? page;
  for (const observe of observers.values()) observe(file, page);
  return page;
}
