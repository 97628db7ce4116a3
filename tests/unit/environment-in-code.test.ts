import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

// Where a module names `import.meta.env` on its own (not `import.meta.env.NAME`), Astro copies into it
// every environment variable whose name its text contains, `_` among them: the path of the command a
// shell started. A build started by another command then finds the pages' code changed and renders
// every page again instead of keeping the last build's (tests/site/rebuild.test.ts starts its builds
// with different commands). The pattern is the one Astro matches.
const BARE_ENV = /\bimport\.meta\.env\b(?!\.)/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|js|mjs|astro|mdx)$/.test(name))
    .map((name) => join(folder, name));
}

describe('the code the pages are built from', () => {
  it('never names the environment object on its own, not even in a comment', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const naming = files.filter((file) => BARE_ENV.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(naming).toEqual([]);
  });
});
