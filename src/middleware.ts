import { defineMiddleware } from 'astro:middleware';
import { handleRenderedPage, hasPageHandlers } from './lib/site/rendered-pages.ts';
import { pageFile } from './lib/site/html-files.ts';

/**
 * During a build, hands each rendered HTML page to the integrations that add its security policy
 * and index it for search, and writes what they return (see src/lib/site/rendered-pages.ts). Does
 * nothing in `astro dev` or for responses that are not HTML pages.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !hasPageHandlers() || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = handleRenderedPage(pageFile(context.url.pathname), await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
