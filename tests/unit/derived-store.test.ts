import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeVersion, DerivedStore, openDerivedStore } from '../../src/lib/cache/derived-store.ts';
import { ROOT } from '../support/paths.ts';

const made: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'derived-store-'));
  made.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the store of facts kept between builds', () => {
  it('gives back what a build kept, by kind and file digest, and nothing it did not', () => {
    const root = scratch();
    const first = DerivedStore.open(root, 'v1');
    first.set('outline', 'abc', { turns: 3 });
    const next = DerivedStore.open(root, 'v1');
    expect(next.get('outline', 'abc')).toEqual({ turns: 3 });
    expect(next.get('outline', 'other')).toBeUndefined();
    expect(next.get('facts', 'abc')).toBeUndefined();
  });

  it('treats a file left half written by a stopped build as not made, and leaves no temporary file', () => {
    const root = scratch();
    const store = DerivedStore.open(root, 'v1');
    store.set('outline', 'whole', [1, 2]);
    mkdirSync(join(root, 'v1', 'outline'), { recursive: true });
    writeFileSync(join(root, 'v1', 'outline', 'half.json'), '{"turns": ');
    expect(store.get('outline', 'half')).toBeUndefined();
    expect(readdirSync(join(root, 'v1', 'outline')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('removes what a build neither read nor wrote, of the kinds it names or of every kind', () => {
    const root = scratch();
    const before = DerivedStore.open(root, 'v1');
    for (const key of ['kept', 'changed']) before.set('outline', key, key);
    before.set('facts', 'gone', 1);
    const after = DerivedStore.open(root, 'v1');
    after.get('outline', 'kept');
    expect(after.prune(['outline'])).toBe(1);
    expect(readdirSync(join(root, 'v1', 'outline'))).toEqual(['kept.json']);
    expect(existsSync(join(root, 'v1', 'facts', 'gone.json'))).toBe(true);
    expect(after.prune()).toBe(1);
    expect(readdirSync(join(root, 'v1', 'facts'))).toEqual([]);
  });

  it('reads nothing made by another version of the code, and removes it', () => {
    const root = scratch();
    DerivedStore.open(root, 'old').set('outline', 'abc', 'old facts');
    const current = DerivedStore.open(root, 'new');
    expect(current.get('outline', 'abc')).toBeUndefined();
    expect(readdirSync(root)).toEqual(['new']);
  });
});

describe('the code version that names the store', () => {
  it('changes when a file of src/lib/ changes, and stays when nothing does', () => {
    const project = scratch();
    cpSync(join(ROOT, 'src/lib'), join(project, 'src/lib'), { recursive: true });
    const version = codeVersion(project);
    expect(codeVersion(project)).toBe(version);
    writeFileSync(join(project, 'src/lib/format.ts'), '// changed\n', { flag: 'a' });
    expect(codeVersion(project)).not.toBe(version);
  });

  it('opens below the Astro cache folder', () => {
    const project = scratch();
    mkdirSync(join(project, 'src/lib'), { recursive: true });
    writeFileSync(join(project, 'src/lib/a.ts'), 'export {};\n');
    openDerivedStore(project, join(project, 'cache')).set('outline', 'x', 1);
    expect(readdirSync(join(project, 'cache', 'archive-derived'))).toEqual([codeVersion(project)]);
  });
});
