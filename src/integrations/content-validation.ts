import type { AstroIntegration } from 'astro';
import { ContentValidationError } from '../lib/content/content-issue.ts';
import { validateArchive } from '../lib/content/validate-archive.ts';

/**
 * Validates the content folder before Astro loads it. Astro reports schema
 * errors without a line and only logs a broken `reference()`; this fails the
 * build with file, line and field for every problem at once.
 */
export function contentValidation(contentDir: string): AstroIntegration {
  return {
    name: 'archive:content-validation',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const started = performance.now();
        const report = validateArchive(contentDir);
        if (report.issues.length > 0) throw new ContentValidationError(report.issues);
        const ms = Math.round(performance.now() - started);
        logger.info(`${report.talks.length} talks, ${report.speakers.length} speakers, ${report.events.length} events, ${report.topics.length} topics valid (${ms} ms)`);
      },
    },
  };
}
