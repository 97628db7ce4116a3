/**
 * Hands each page the build renders to whoever indexes it, as soon as it is rendered.
 *
 * The search index used to be built after every page was written, reading the whole site back from
 * disk while the build waited. Pages now reach Pagefind's indexer (a separate process) as they are
 * rendered, so it parses them on the second core while Astro renders the rest. The middleware that
 * sees each page is bundled into the build's page code and the indexer lives in an integration loaded
 * with the config: two copies of this module, so the receiver is kept on the global object under a
 * registered symbol they share.
 */
export type PageReceiver = (file: string, html: string) => void;

const RECEIVER = Symbol.for('alignment-talk-archive.rendered-page-receiver');

type WithReceiver = typeof globalThis & { [RECEIVER]?: PageReceiver };

/** Starts (a function) or stops (undefined) receiving rendered pages. */
export function receiveRenderedPages(receiver: PageReceiver | undefined): void {
  if (receiver) (globalThis as WithReceiver)[RECEIVER] = receiver;
  else delete (globalThis as WithReceiver)[RECEIVER];
}

/** Who receives rendered pages now: set during a build, not in `astro dev`. */
export function renderedPageReceiver(): PageReceiver | undefined {
  return (globalThis as WithReceiver)[RECEIVER];
}
