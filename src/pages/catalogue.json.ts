import type { APIContext } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { absoluteUrls, buildCatalogue } from '../data/archive-catalogue.ts';

/** The whole catalogue: talks, speakers, topics and events, with their URLs (shape in src/lib/export/catalogue.ts). */
export async function GET(context: APIContext) {
  const catalogue = buildCatalogue(await loadArchive(), absoluteUrls(context.site));
  return new Response(`${JSON.stringify(catalogue, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
