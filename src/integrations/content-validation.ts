import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { ContentValidationError } from '../lib/content/content-issue.ts';
import { handOverCheckedEntries } from '../lib/content/checked-entries.ts';
import type { ValidationSummary } from '../lib/content/content-check.ts';
import { contentCheckedByTheBuild } from '../lib/content/content-check-messages.ts';
import { contentChecked } from '../lib/content/live-content.ts';
import type { ValidationRequest } from '../lib/content/validation-worker.ts';
import { stepsRunBesideAstro } from '../lib/output/site-build-steps.ts';

/**
 * Validates the content folder before Astro loads it. Astro reports schema
 * errors without a line and only logs a broken `reference()`; this fails the
 * build with file, line and field for every problem at once.
 *
 * The check runs in a worker thread, where Node loads it as it loads
 * `npm run check`: code imported by the Astro config runs through Vite's module
 * runner, where the same check took about twice as long (10 to 15 s against 6 s
 * at 5,000 talks). Under `npm run build` it has run already, in a process the
 * build started beside this one, and this asks the build for its summary.
 */
export function contentValidation(contentDir: string): AstroIntegration {
  return {
    name: 'archive:content-validation',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        const started = performance.now();
        // A build keeps each transcript's outline in its cache folder, for the next build.
        const cache = command === 'build' ? { root: fileURLToPath(config.root), cacheDir: fileURLToPath(config.cacheDir) } : undefined;
        const send = process.send?.bind(process);
        const checkedBeside = command === 'build' && stepsRunBesideAstro() && send !== undefined;
        const { issues, counts, entries } = checkedBeside
          ? await contentCheckedByTheBuild(send)
          : await validateInWorker(contentDir, cache, { handOver: command === 'build' });
        if (command === 'dev') {
          // The development server starts anyway, and its pages say what is wrong until it is fixed.
          contentChecked(issues);
          if (issues.length > 0) logger.error(new ContentValidationError(issues).message);
          return;
        }
        if (issues.length > 0) throw new ContentValidationError(issues);
        // The loader takes the entries as the check read them, instead of reading every file again.
        if (entries) handOverCheckedEntries(contentDir, entries);
        const ms = Math.round(performance.now() - started);
        const waited = checkedBeside ? `checked beside Astro's start, ${ms} ms waited for` : `${ms} ms`;
        logger.info(`${counts.talks} talks, ${counts.speakers} speakers, ${counts.events} events, ${counts.topics} topics valid (${waited})`);
      },
    },
  };
}

export function validateInWorker(contentDir: string, cache?: ValidationRequest['cache'], { handOver = false } = {}): Promise<ValidationSummary> {
  return new Promise((done, fail) => {
    // No inherited flags: a build started with `node --input-type=module --eval …` would pass them on, and
    // a worker loaded from a file refuses --input-type.
    const worker = new Worker(new URL('../lib/content/validation-worker.ts', import.meta.url), {
      workerData: { contentDir, handOver, ...(cache && { cache }) } satisfies ValidationRequest,
      execArgv: [],
    });
    worker.once('message', (summary: ValidationSummary) => done(summary));
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`content validation stopped with exit code ${code}`));
    });
  });
}
