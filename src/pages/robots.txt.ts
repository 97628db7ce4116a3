import type { APIContext } from 'astro';
import { routes } from '../lib/routes.ts';

/** Every page may be indexed; the sitemap lists them. */
export function GET(context: APIContext) {
  const sitemap = new URL(routes.sitemap(), context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
