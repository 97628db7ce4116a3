import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { DataFileError, dataFileProblems } from '../lib/output/data-files.ts';

/**
 * Fails the build when the RSS feed, a sitemap or the catalogue it wrote is not well-formed (see
 * src/lib/output/data-files.ts). Listed after the sitemap integration, whose files it reads.
 */
export function dataFileCheck(): AstroIntegration {
  return {
    name: 'archive:data-file-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const problems = dataFileProblems(fileURLToPath(dir));
        if (problems.length > 0) throw new DataFileError(problems);
        logger.info('feed, sitemaps and catalogue are well-formed');
      },
    },
  };
}
