import { defineMiddleware } from 'astro:middleware';
import { renderedPageReceiver } from './lib/search/rendered-pages.ts';
import { pageFile } from './lib/site/html-files.ts';

/**
 * During a build, passes each rendered HTML page to the search indexer, unchanged, on its way to
 * disk (see src/lib/search/rendered-pages.ts). Does nothing in `astro dev` or for other responses.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const receive = renderedPageReceiver();
  if (!receive || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  receive(pageFile(context.url.pathname), html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
