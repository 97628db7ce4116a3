import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DerivedStore } from '../../src/lib/cache/derived-store.ts';
import { validateArchive } from '../../src/lib/content/validate-archive.ts';
import { writeDownloadsOf, writeTranscriptDownloads } from '../../src/lib/export/write-downloads.ts';
import { ROOT } from '../support/paths.ts';

// A rebuild links the downloads of unchanged talks from the last site, and must write exactly the
// files a build from scratch writes.
const work = mkdtempSync(join(tmpdir(), 'kept-downloads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });
const storeRoot = join(work, 'store');

let builds = 0;
/** The site the last call of build() wrote. */
let latest: string | undefined;
/** Writes the downloads into a new site folder, as a build does, with the last site to take from. */
function build(lastSite?: string): { site: string; written: number; kept: number } {
  const site = join(work, `site-${(builds += 1)}`);
  const store = DerivedStore.open(storeRoot, 'v1');
  const { written, kept } = writeDownloadsOf(validateArchive(content), site, { store, ...(lastSite && { lastSite }) });
  latest = site;
  return { site, written, kept };
}

/** Every file of a site by path, with its bytes. */
function files(site: string): Map<string, string> {
  const paths = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(site, path)).isFile());
  return new Map(paths.sort().map((path) => [path, readFileSync(join(site, path), 'utf8')]));
}

/** The files of a build of the content as it is now, from nothing, and where it wrote them. */
function fromScratch(): Map<string, string> {
  return files(scratchSite());
}

function scratchSite(): string {
  const site = join(work, `scratch-${(builds += 1)}`);
  writeTranscriptDownloads(content, site);
  return site;
}

const talkFiles = (site: string, talk: string) => readdirSync(join(site, 'talks', talk)).map((name) => join(site, 'talks', talk, name));
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(content, file), change(readFileSync(join(content, file), 'utf8')));

describe('downloads kept from the last site', () => {
  const first = build();
  const all = first.written;

  it('are all made on a first build', () => {
    expect(first.kept).toBe(0);
    expect(all).toBeGreaterThan(50);
    expect(files(first.site)).toEqual(fromScratch());
  });

  it('are linked, not written, when nothing changed', () => {
    const second = build(first.site);
    expect(second).toMatchObject({ written: 0, kept: all });
    const [before, after] = [talkFiles(first.site, 'jan-leike-scaling-rlhf'), talkFiles(second.site, 'jan-leike-scaling-rlhf')];
    expect(after.map((path) => statSync(path).ino)).toEqual(before.map((path) => statSync(path).ino));
    expect(files(second.site)).toEqual(files(first.site));
  });

  it('are made again for an edited talk only', () => {
    const last = build(first.site);
    edit('talks/jan-leike-scaling-rlhf.md', (text) => `${text.trimEnd()} And a last word on oversight.\n`);
    const next = build(last.site);
    const edited = talkFiles(next.site, 'jan-leike-scaling-rlhf').length;
    expect(next).toMatchObject({ written: edited, kept: all - edited });
    expect(files(next.site)).toEqual(fromScratch());
    expect(files(next.site).get('talks/jan-leike-scaling-rlhf/transcript.txt')).toContain('a last word on oversight');
  });

  it('are all made again when a speaker changes, since they name the speakers', () => {
    const last = build(latest);
    edit('speakers/jan-leike.md', (text) => text.replace('name: Jan Leike', 'name: Jan H. Leike'));
    const next = build(last.site);
    expect(next).toMatchObject({ written: all, kept: 0 });
    expect(files(next.site)).toEqual(fromScratch());
  });

  it('are not taken from a last site whose file changed or went away since it was built', () => {
    const last = build(latest);
    expect(last.kept).toBe(all);
    // Written in place (a new file at the same path is the same case), and one removed.
    const changed = join(last.site, 'talks', 'jan-leike-scaling-rlhf', 'transcript.txt');
    writeFileSync(changed, 'tampered\n');
    rmSync(join(last.site, 'talks', 'been-kim-alignment-setbacks', 'transcript.md'));
    const next = build(last.site);
    const remade = talkFiles(next.site, 'jan-leike-scaling-rlhf').length + talkFiles(next.site, 'been-kim-alignment-setbacks').length;
    expect(next).toMatchObject({ written: remade, kept: all - remade });
    expect(files(next.site)).toEqual(fromScratch());
  });

  it('are not taken from a site other than the one the record was made for', () => {
    const other = scratchSite();
    expect(files(other).size).toBe(all);
    const next = build(other);
    expect(next).toMatchObject({ written: all, kept: 0 });
  });
});
