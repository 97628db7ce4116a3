import { defineMiddleware } from 'astro:middleware';
import { handleRenderedPage, hasPageHandlers } from './lib/output/rendered-pages.ts';
import { pageFile } from './lib/output/html-files.ts';
import { issuesPage } from './lib/content/issues-page.ts';
import { liveContent } from './lib/content/live-content.ts';

/**
 * During a build, hands each rendered HTML page to the integrations that add its security policy
 * and index it for search, and writes what they return (see src/lib/output/rendered-pages.ts). Leaves
 * responses that are not HTML pages alone. In `astro dev`, answers every request with the content's
 * problems while it has any (src/integrations/content-watch.ts).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (import.meta.env.DEV) {
    // While the content has problems, the development server says what they are instead of any page.
    const { issues } = liveContent();
    if (issues.length > 0) return new Response(issuesPage(issues), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
  const response = await next();
  if (!context.isPrerendered || !hasPageHandlers() || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = handleRenderedPage(pageFile(context.url.pathname), await response.text());
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
