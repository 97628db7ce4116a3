import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

/** The paths README's "Layout of the code" names, one a line of its text block. */
function layoutPaths(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout of the code'));
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Folders of code under a folder, at any depth, except those whose own line names them with their parent. */
function codeFolders(folder: string, leaveOut: readonly string[]): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${folder}/${entry.name}`)
    .filter((path) => !leaveOut.some((left) => path === left || path.startsWith(`${left}/`)))
    .flatMap((path) => [`${path}/`, ...codeFolders(path, leaveOut)]);
}

describe('README’s layout of the code', () => {
  const paths = layoutPaths();

  it('names only what is there', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('names every folder of code (the routes under src/pages/ and the fixtures are named with their parent)', () => {
    const folders = ['src', 'scripts', 'tests'].flatMap((top) => codeFolders(top, ['src/pages', 'tests/fixtures']));
    expect(folders.filter((folder) => !paths.includes(folder))).toEqual([]);
  });
});
