import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchiveSite } from '../../scripts/helpers/site-build.ts';
import { scratchFolderInProject } from '../support/scratch-folder.ts';
import { filesNamedByIndex } from '../../src/lib/search/pagefind-files.ts';
import { readIndexRecords } from '../support/pagefind-records.ts';
import { ROOT } from '../support/paths.ts';

// A rebuild reuses what the last build made from unchanged files, and must publish exactly the site a
// clean build of the same content publishes: every page, download and feed, and the search index.
const work = scratchFolderInProject(ROOT, 'rebuild-test-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const content = join(work, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });
const cache = join(work, 'cache');

/**
 * Builds the content as a curator rebuilds it, into the same site folder with the same cache, or
 * as a clean build, into a folder `name` with a cache of its own.
 */
async function build(name: string, { clean = false } = {}): Promise<{ dir: string; reused: number; rendered: number }> {
  let output = '';
  const cacheDir = clean ? join(work, `cache-${name}`) : cache;
  const { outDir } = await buildArchiveSite({
    root: ROOT,
    contentDir: content,
    outDir: join(work, clean ? name : 'site'),
    cacheDir,
    logLevel: 'info',
    log: (text) => (output += text),
  });
  if (clean) rmSync(cacheDir, { recursive: true, force: true });
  // Astro colours its log where the terminal (or FORCE_COLOR) asks for it; count in the plain text.
  output = stripVTControlCharacters(output);
  return { dir: outDir, reused: output.match(/\((?:restored|cached)\)/g)?.length ?? 0, rendered: output.match(/ \(\+\d+(?:\.\d+)?m?s\)/g)?.length ?? 0 };
}

function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else found.set(relative(dir, path), readFileSync(path));
  };
  visit(dir);
  return found;
}

/**
 * Files that differ between two sites, by path. Pagefind numbers pages in the order it reads them,
 * which a rebuild does not share with a clean build (it reads the last site's pages first), so the
 * search index is compared by its records: a differing part is named `pagefind/` and the part.
 */
function differences(a: string, b: string): string[] {
  const [left, right] = [files(a), files(b)];
  const numbered = (path: string) =>
    path.startsWith('pagefind/') && !path.startsWith('pagefind/fragment/') && /\.(pf_meta|pf_index|pf_filter|json)$/.test(path);
  const paths = new Set([...left.keys(), ...right.keys()].filter((path) => !numbered(path)));
  const changed = [...paths].filter((path) => !left.get(path)?.equals(right.get(path) ?? Buffer.alloc(0)) || !right.has(path));
  const [leftIndex, rightIndex] = [readIndexRecords(join(a, 'pagefind')), readIndexRecords(join(b, 'pagefind'))];
  const records = (['pages', 'words', 'filters', 'files'] as const)
    .filter((part) => !equalMaps(leftIndex[part], rightIndex[part]))
    .map((part) => `pagefind/ ${part}`);
  // Files a rebuild took from the last index and the new one does not use must be gone.
  const unused = [a, b].flatMap((dir) => {
    const used = filesNamedByIndex(join(dir, 'pagefind'));
    return [...files(dir).keys()]
      .filter((path) => /^pagefind\/(fragment|index|filter)\//.test(path) && !used.has(path.slice('pagefind/'.length)))
      .map((path) => `unused ${path}`);
  });
  return [...changed, ...records, ...unused].sort();
}

function equalMaps(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/** Runs `step` with `_` (the path of the command a shell started) set to `command`. */
async function withCommand<T>(command: string, step: () => Promise<T>): Promise<T> {
  const before = process.env['_'];
  process.env['_'] = command;
  try {
    return await step();
  } finally {
    if (before === undefined) delete process.env['_'];
    else process.env['_'] = before;
  }
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));

describe('a rebuild after an edit', () => {
  it('renders again only what the edit changed, and publishes what a clean build publishes', async () => {
    // The two builds are started by different commands, as a curator's terminal and a script would
    // start them: the shell puts the command's path in `_`, and that must not reach the pages' code.
    await withCommand('/usr/bin/npm', () => build('first'));
    edit('talks/jan-leike-scaling-rlhf.md', (text) => `${text.trimEnd()} And a sentence about quodlibetical oversight.\n`);
    const rebuilt = await withCommand('/usr/local/bin/node', () => build('rebuilt'));
    const clean = await build('clean', { clean: true });
    // Pages that show nothing of the talk are kept from the first build. (In the seed archive most talks
    // list the edited one among their related talks, and topic pages quote every transcript.)
    expect(rebuilt.reused).toBeGreaterThan(30);
    expect(rebuilt.rendered + rebuilt.reused).toBe(clean.rendered);
    expect(differences(rebuilt.dir, clean.dir)).toEqual([]);
    expect(readFileSync(join(rebuilt.dir, 'talks/jan-leike-scaling-rlhf/index.html'), 'utf8')).toContain('quodlibetical oversight');
  }, 240_000);

  it('carries a speaker’s new name to every page that shows it', async () => {
    edit('speakers/jan-leike.md', (text) => text.replace('name: Jan Leike', 'name: Jan H. Leike'));
    const rebuilt = await build('renamed');
    const clean = await build('renamed-clean', { clean: true });
    expect(rebuilt.reused).toBeGreaterThan(30);
    expect(differences(rebuilt.dir, clean.dir)).toEqual([]);
    const showing = [...files(rebuilt.dir)].filter(([path, bytes]) => path.endsWith('.html') && bytes.includes('Jan H. Leike')).map(([path]) => path);
    expect(showing).toEqual(
      expect.arrayContaining([
        'talks/jan-leike-scaling-rlhf/index.html',
        'talks/jan-leike-superalignment-interview/index.html',
        'speakers/jan-leike/index.html',
        'events/sf-alignment-workshop-2023/index.html',
        'index.html',
      ]),
    );
  }, 240_000);

  it('takes a deleted talk out of every page and out of the search index', async () => {
    rmSync(join(content, 'talks/been-kim-alignment-setbacks.md'));
    const rebuilt = await build('deleted');
    const clean = await build('deleted-clean', { clean: true });
    expect(differences(rebuilt.dir, clean.dir)).toEqual([]);
    const index = readIndexRecords(join(rebuilt.dir, 'pagefind'));
    expect([...index.pages.keys()].filter((url) => url.includes('been-kim-alignment-setbacks'))).toEqual([]);
    expect(index.pages.size).toBeGreaterThan(50);
  }, 240_000);
});
