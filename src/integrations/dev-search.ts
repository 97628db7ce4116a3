import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefindApi from 'pagefind';
import { onContentTakenIn } from '../lib/content/live-content.ts';
import { indexInMemory, type IndexFiles, type PagefindService } from '../lib/search/memory-index.ts';
import { crawlSite } from '../lib/search/site-crawl.ts';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.pagefind': 'application/wasm' };

/**
 * Search in `npm run dev`: an index of the content as it is now, built in memory by Pagefind's
 * Node API from the development server's own pages and served at /pagefind/, as the build's is.
 * It is built once the server starts, and again after each change the site takes in. While it is
 * rebuilt the previous index answers, so a search is never kept waiting by an edit; it can be a few
 * seconds behind the files. Before the first index exists, a request for it waits for it.
 */
export function devSearch(pagefind: PagefindService = pagefindApi): AstroIntegration {
  let files: IndexFiles | undefined;
  let first: Promise<void> | undefined;
  let origin = '';
  let again = false;
  let building: Promise<void> | undefined;
  return {
    name: 'archive:dev-search',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const rebuild = (): Promise<void> => {
          if (building) {
            again = true;
            return building;
          }
          const started = performance.now();
          building = (async () => {
            try {
              const pages = await crawlSite(origin);
              files = await indexInMemory(pagefind, pages);
              logger.info(`search index of ${pages.size} pages ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
            } catch (error) {
              logger.error(`search index not rebuilt: ${error instanceof Error ? error.message : String(error)}`);
            } finally {
              building = undefined;
              if (again) {
                again = false;
                void rebuild();
              }
            }
          })();
          return building;
        };
        onContentTakenIn(() => void rebuild());
        server.httpServer?.once('close', () => void pagefind.close());
        server.httpServer?.once('listening', () => {
          const address = server.httpServer?.address();
          if (typeof address !== 'object' || !address) return;
          // A server listening on every interface is reached on this one; an IPv6 address needs brackets.
          const host = ['::', '0.0.0.0'].includes(address.address) ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
          origin = `http://${host}:${address.port}`;
          first = rebuild();
        });
        server.middlewares.use('/pagefind/', (request: IncomingMessage, response: ServerResponse, next: () => void) => {
          void (async () => {
            if (!files) await first;
            const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
            const content = files?.get(path);
            if (!content) return next();
            response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
            response.end(content);
          })();
        });
      },
    },
  };
}
