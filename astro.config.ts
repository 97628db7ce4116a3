import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { contentValidation } from './src/integrations/content-validation.ts';
import { contentDir } from './src/lib/content/content-dir.ts';

export default defineConfig({
  // Canonical origin for absolute URLs (feeds, sitemaps); override per deployment.
  site: process.env['ARCHIVE_SITE_URL'] || 'https://alignment-talks.example.org',
  trailingSlash: 'always',
  integrations: [contentValidation(contentDir()), mdx()],
});
