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
  /** Every file below a folder, relative to it. */
  const filesBelow = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort() : []);

  it('gives back what a build kept, by kind and file digest, once the build has written it, and nothing it did not', () => {
    const root = scratch();
    const first = DerivedStore.open(root, 'v1');
    first.set('outline', 'abc', { turns: 3 });
    expect(first.get('outline', 'abc')).toEqual({ turns: 3 });
    expect(DerivedStore.open(root, 'v1').get('outline', 'abc')).toBeUndefined();
    first.prune(['outline']);
    const next = DerivedStore.open(root, 'v1');
    expect(next.has('outline', 'abc')).toBe(true);
    expect(next.get('outline', 'abc')).toEqual({ turns: 3 });
    expect(next.get('outline', 'other')).toBeUndefined();
    expect(next.get('facts', 'abc')).toBeUndefined();
  });

  it('writes a kind when asked before the build ends, reads it back when asked again, and prunes it then', () => {
    const root = scratch();
    const last = DerivedStore.open(root, 'v1');
    last.set('counts', 'gone', 'old');
    last.set('counts', 'kept', 'one');
    last.prune();
    const store = DerivedStore.open(root, 'v1');
    store.keep('counts', 'kept');
    store.set('counts', 'new', 'two');
    expect(store.settle(['counts'])).toBe(1);
    // Written already: a store opened now finds it, and this one reads it back from its files.
    expect(DerivedStore.open(root, 'v1').get('counts', 'new')).toBe('two');
    expect(store.get('counts', 'kept')).toBe('one');
    expect(store.has('counts', 'gone')).toBe(false);
  });

  it('keeps a kind in a few files however many digests it holds, and leaves no temporary file', () => {
    const root = scratch();
    const store = DerivedStore.open(root, 'v1');
    for (let index = 0; index < 500; index += 1) store.set('outline', `digest-${index}`, index);
    store.prune(['outline']);
    const files = filesBelow(join(root, 'v1', 'outline'));
    expect(files.length).toBeLessThanOrEqual(32);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const next = DerivedStore.open(root, 'v1');
    for (let index = 0; index < 500; index += 1) expect(next.get('outline', `digest-${index}`)).toBe(index);
  });

  it('treats a file left half written by a stopped build as not made', () => {
    const root = scratch();
    const store = DerivedStore.open(root, 'v1');
    store.set('outline', 'whole', [1, 2]);
    store.prune(['outline']);
    for (const name of filesBelow(join(root, 'v1', 'outline'))) writeFileSync(join(root, 'v1', 'outline', name), '{"whole": ');
    expect(DerivedStore.open(root, 'v1').get('outline', 'whole')).toBeUndefined();
  });

  it('removes what a build neither read nor wrote, of the kinds it names or of every kind', () => {
    const root = scratch();
    const before = DerivedStore.open(root, 'v1');
    for (const key of ['kept', 'changed']) before.set('outline', key, key);
    before.set('facts', 'gone', 1);
    before.prune();
    const after = DerivedStore.open(root, 'v1');
    after.get('outline', 'kept');
    expect(after.prune(['outline'])).toBe(1);
    const reopened = DerivedStore.open(root, 'v1');
    expect([reopened.has('outline', 'kept'), reopened.has('outline', 'changed'), reopened.has('facts', 'gone')]).toEqual([true, false, true]);
    expect(after.prune()).toBe(1);
    expect(DerivedStore.open(root, 'v1').has('facts', 'gone')).toBe(false);
    expect(filesBelow(join(root, 'v1', 'facts'))).toEqual([]);
  });

  it('says which kinds a build has asked for or kept', () => {
    const store = DerivedStore.open(scratch(), 'v1');
    store.get('asked', 'x');
    store.keep('kept', 'y');
    store.set('made', 'z', 1);
    store.has('looked', 'w');
    expect(['asked', 'kept', 'made', 'looked', 'other'].map((kind) => store.touched(kind))).toEqual([true, true, true, false, false]);
  });

  it('reads nothing made by another version of the code, and removes it', () => {
    const root = scratch();
    const old = DerivedStore.open(root, 'old');
    old.set('outline', 'abc', 'old facts');
    old.prune();
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

  it('is the same whether the project is named with a final slash or not', () => {
    // Astro names its root with one (from a URL), the build's scripts without; both must open one store.
    const project = scratch();
    cpSync(join(ROOT, 'src/lib'), join(project, 'src/lib'), { recursive: true });
    expect(codeVersion(`${project}/`)).toBe(codeVersion(project));
  });

  it('opens below the Astro cache folder', () => {
    const project = scratch();
    mkdirSync(join(project, 'src/lib'), { recursive: true });
    writeFileSync(join(project, 'src/lib/a.ts'), 'export {};\n');
    const store = openDerivedStore(project, join(project, 'cache'));
    store.set('outline', 'x', 1);
    store.prune();
    expect(readdirSync(join(project, 'cache', 'archive-derived'))).toEqual([codeVersion(project)]);
  });
});
