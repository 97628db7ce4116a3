/**
 * The steps of a build that are not Astro's: writing the transcript downloads and indexing the site
 * for search. `npm run build` runs them itself, beside and after Astro's process (see
 * scripts/helpers/site-build.ts), and tells Astro so through this variable; a bare `astro build` runs
 * them in its build:done hook.
 */
export const STEPS_BESIDE_ASTRO = 'ARCHIVE_STEPS_BESIDE_ASTRO';

export function stepsRunBesideAstro(): boolean {
  return process.env[STEPS_BESIDE_ASTRO] === '1';
}
