import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ContentValidationError } from '../lib/content/content-issue.ts';
import { contentChecked, contentTakenIn } from '../lib/content/live-content.ts';
import { validateInWorker } from './content-validation.ts';

/** Editors save in bursts (a temporary file, a rename): the folder is checked once they settle. */
const SETTLE_MS = 80;

/**
 * Makes `npm run dev` follow the content folder. Every change to a file in it (edited, added,
 * renamed, deleted) is checked as the build checks it; content that passes is taken into the site
 * (the archive loader runs again, every page reads the new revision) and open pages reload; content
 * with problems is kept out, the problems are printed as the build prints them, and every page
 * shows them (src/middleware.ts) until the files are fixed. The server keeps running throughout.
 */
export function contentWatch(contentDir: string): AstroIntegration {
  return {
    name: 'archive:content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running: Promise<void> = Promise.resolve();
        const check = async () => {
          const started = performance.now();
          const { issues, counts } = await validateInWorker(contentDir);
          if (contentChecked(issues).issues.length > 0) {
            logger.error(new ContentValidationError(issues).message);
          } else {
            // Resolves once the store is written, which is when the pages' modules read it again (and
            // Astro reloads open pages).
            await refreshContent?.({ loaders: ['archive-loader'] });
            logger.info(
              `content changed: ${counts.talks} talks, ${counts.speakers} speakers, ${counts.events} events, ${counts.topics} topics valid, taken in (${Math.round(performance.now() - started)} ms)`,
            );
            contentTakenIn();
          }
          // Pages now show the problems, or the content as it is again.
          server.ws.send({ type: 'full-reload', path: '*' });
        };
        const changed = (path: string) => {
          const inside = relative(contentDir, path);
          if (inside === '' || inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) return;
          clearTimeout(timer);
          // One check at a time, in order: a save during a check is checked after it.
          timer = setTimeout(() => {
            running = running
              .then(check)
              .catch((error: unknown) => logger.error(`checking the content failed: ${error instanceof Error ? error.message : String(error)}`));
          }, SETTLE_MS);
        };
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => changed(path));
      },
    },
  };
}
