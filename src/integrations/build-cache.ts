import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { useDerivedStore } from '../lib/cache/current-store.ts';
import { openDerivedStore, type DerivedStore } from '../lib/cache/derived-store.ts';

/**
 * The kinds of facts the pages keep (src/data/cached-transcript-facts.ts, topic-mentions.ts); the word
 * counts (word-counts.ts), the content check and the downloads write their own when they are done.
 */
const PAGE_FACTS = ['transcript-summary', 'transcript-passages', 'topic-mentions'];

/**
 * Keeps what the build derives from each content file between builds, in the project's cache folder
 * (Astro's cacheDir), so that a rebuild after one edit works out again only what that edit changed
 * (src/lib/cache/derived-store.ts). The store's version is a digest of the code that derives the
 * facts (src/lib/) and of the installed packages (package-lock.json): a change to either starts a
 * new store. At the end of a build, facts of files that no longer exist are removed.
 */
export function buildCache(): AstroIntegration {
  let store: DerivedStore | undefined;
  return {
    name: 'archive:build-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = openDerivedStore(fileURLToPath(config.root), fileURLToPath(config.cacheDir));
      },
      'astro:build:start': () => useDerivedStore(store),
      'astro:build:done': ({ logger }) => {
        // A kind no page asked for is left as it is: its pages were all kept (a rebuild with no edit keeps
        // every topic page), and its facts hold for the next build that renders them.
        const removed = store?.prune(PAGE_FACTS.filter((kind) => store?.touched(kind))) ?? 0;
        if (removed > 0) logger.info(`removed ${removed} cached facts of content that changed or went away`);
        useDerivedStore(undefined);
      },
    },
  };
}
