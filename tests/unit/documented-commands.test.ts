import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const documents = ['README.md', 'src/pages/about.mdx', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)];

describe('the commands README, docs and the About page name', () => {
  it('are each a script of package.json', () => {
    const named = documents.flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(/npm run ([a-z][a-z0-9:-]*)/g)].map((match) => ({ path, script: match[1] ?? '' })),
    );
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter(({ script }) => !scripts.includes(script))).toEqual([]);
  });

  it('name files of the project that are there', () => {
    // A path in backticks or a link: `src/lib/…`, (docs/….md); a glob or a placeholder is not a file.
    const named = documents.flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(/[`(]((?:src|scripts|tests|docs|\.ci)\/[\w./[\]-]+)[`)#]/g)].map((match) => ({
        path,
        file: match[1] ?? '',
      })),
    );
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter(({ file }) => !/[*<]/.test(file) && !existsSync(join(ROOT, file.replace(/[.:]$/, ''))))).toEqual([]);
  });
});
