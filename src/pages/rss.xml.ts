import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { absoluteUrls, buildCatalogue } from '../data/archive-catalogue.ts';
import { SITE } from '../data/site-settings.ts';
import { FEED_XMLNS, feedItems } from '../lib/export/feed.ts';

/** Every talk, newest first. */
export async function GET(context: APIContext) {
  const catalogue = buildCatalogue(await loadArchive(), absoluteUrls(context.site));
  return rss({
    title: SITE.name,
    description: SITE.description,
    site: catalogue.url,
    xmlns: FEED_XMLNS,
    items: feedItems(catalogue.talks),
    customData: '<language>en</language>',
  });
}
