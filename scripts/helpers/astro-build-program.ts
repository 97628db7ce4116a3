/** What `astroBuildProgram` passes to Astro's `build()`. */
export interface AstroBuildOptions {
  root: string;
  /** Astro's cache folder; Astro's own (node_modules/.astro) when not given. */
  cacheDir?: string;
  outDir?: string;
  logLevel?: 'error' | 'warn' | 'info';
}

/**
 * A Node program (for `node --input-type=module --eval`) that runs Astro's `build()` with these
 * options. Builds run in a child process of their own so that each has its own memory, timing
 * and module state.
 */
export function astroBuildProgram(options: AstroBuildOptions): string {
  return `import { build } from ${JSON.stringify(import.meta.resolve('astro'))}; await build(${JSON.stringify(options)});`;
}
