import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { CODE_THEMES } from './src/lib/code-themes.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { contentValidation } from './src/integrations/content-validation.ts';
import { buildCache } from './src/integrations/build-cache.ts';
import { contentWatch } from './src/integrations/content-watch.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { transcriptDownloads } from './src/integrations/transcript-downloads.ts';
import { dataFileCheck } from './src/integrations/data-file-check.ts';
import { pagefindIndex } from './src/integrations/pagefind-index.ts';
import { transcriptPool } from './src/integrations/transcript-pool.ts';
import { contentDir } from './src/lib/content/content-dir.ts';

export default defineConfig({
  // Canonical origin for absolute URLs (feeds, sitemaps); override per deployment.
  site: process.env['ARCHIVE_SITE_URL'] || 'https://alignment-talks.example.org',
  trailingSlash: 'always',
  // Pages whose content files and code are unchanged since the last build are kept, not rendered
  // again: each dynamic route gives a cache key of the files it shows (src/data/page-keys.ts).
  experimental: { incrementalBuild: true },
  markdown: {
    // Shiki colours code in both themes; global.css switches to the dark one with the system setting.
    shikiConfig: { themes: CODE_THEMES },
  },
  integrations: [
    contentValidation(contentDir()),
    buildCache(),
    transcriptPool(contentDir()),
    contentWatch(contentDir()),
    devSearch(),
    mdx(),
    sitemap(),
    transcriptDownloads(contentDir()),
    pagefindIndex(),
    contentSecurityPolicy(),
    dataFileCheck(),
  ],
});
