import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SearchIndexFeed } from '../../src/lib/search/index-feed.ts';
import type { PagefindService } from '../../src/lib/search/memory-index.ts';

const scratch = mkdtempSync(join(tmpdir(), 'index-feed-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = (words: string) => `<!doctype html><html lang="en"><body><main data-pagefind-body>${words}</main></body></html>`;
const unindexed = (words: string) => `<!doctype html><html lang="en"><body><main>${words}</main></body></html>`;

/** A stand-in for Pagefind's service that records what it is sent and, like it, keeps one page per path. */
function fakePagefind(failOn?: string) {
  const sent: string[] = [];
  const held = new Map<string, string>();
  const service = {
    createIndex: () =>
      Promise.resolve({
        errors: [],
        index: {
          addHTMLFile: async ({ sourcePath, content }: { sourcePath?: string; content: string }) => {
            sent.push(`${sourcePath}: ${/data-pagefind-body>([^<]*)/.exec(content)?.[1] ?? '(no page)'}`);
            held.set(sourcePath ?? '', content);
            await new Promise((resolve) => setTimeout(resolve, 1));
            return { errors: sourcePath === failOn ? ['could not parse'] : [], file: { uniqueWords: 0, url: '', meta: {} } };
          },
          writeFiles: ({ outputPath }: { outputPath?: string } = {}) => {
            mkdirSync(outputPath ?? '', { recursive: true });
            writeFileSync(join(outputPath ?? '', 'pagefind-entry.json'), '{}');
            return Promise.resolve({ errors: [], outputPath: outputPath ?? '' });
          },
        },
      }),
    close: () => Promise.resolve(null),
  } as unknown as PagefindService;
  const indexed = () =>
    [...held]
      .filter(([, html]) => html.includes('data-pagefind-body'))
      .map(([path]) => path)
      .sort();
  return { service, sent, indexed };
}

function site(name: string, pages: Record<string, string>): string {
  const folder = join(scratch, name);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), html);
  }
  return folder;
}

describe('the search index fed while the site is built', () => {
  it('sends each page once, and again only when it changes', async () => {
    const pagefind = fakePagefind();
    const feed = await SearchIndexFeed.open(pagefind.service);
    feed.add('talks/a/index.html', page('one'));
    feed.add('talks/a/index.html', page('one'));
    feed.add('talks/a/index.html', page('two'));
    feed.add('about/index.html', unindexed('about'));
    const { pages } = await feed.write(join(scratch, 'once', 'pagefind'));
    expect(pagefind.sent).toEqual(['talks/a/index.html: one', 'talks/a/index.html: two']);
    expect(pages).toBe(1);
  });

  it('ends holding exactly the finished site: changed pages read again, pages gone taken out', async () => {
    const pagefind = fakePagefind();
    const feed = await SearchIndexFeed.open(pagefind.service);
    const last = site('last', { 'talks/a/index.html': page('a'), 'talks/b/index.html': page('b'), 'talks/c/index.html': page('c') });
    await feed.addFolder(last);
    // Rendered again during the build: b changed; then the finished site has b as rendered,
    // c no longer indexed, a gone, and d new.
    feed.add('talks/b/index.html', page('b2'));
    const finished = site('finished', { 'talks/b/index.html': page('b2'), 'talks/c/index.html': unindexed('c'), 'talks/d/index.html': page('d') });
    await feed.matchFolder(finished);
    const { pages } = await feed.write(join(finished, 'pagefind'));
    expect(pagefind.indexed()).toEqual(['talks/b/index.html', 'talks/d/index.html']);
    expect(pages).toBe(2);
    // A page Pagefind has not been given (d) goes before pages it holds are given again: each of
    // those keeps the place it first came in.
    expect(pagefind.sent).toEqual([
      'talks/a/index.html: a',
      'talks/b/index.html: b',
      'talks/c/index.html: c',
      'talks/b/index.html: b2',
      'talks/d/index.html: d',
      'talks/c/index.html: (no page)',
      'talks/a/index.html: (no page)',
    ]);
  });

  it('leaves a page rendered during the build as rendered when the last site is read after it', async () => {
    const pagefind = fakePagefind();
    const feed = await SearchIndexFeed.open(pagefind.service);
    feed.add('talks/a/index.html', page('new a'));
    await feed.addFolder(site('older', { 'talks/a/index.html': page('old a'), 'talks/b/index.html': page('b') }));
    expect(pagefind.sent).toEqual(['talks/a/index.html: new a', 'talks/b/index.html: b']);
  });

  it('gives pages in the last index’s order, holding back a page rendered before its turn', async () => {
    const pagefind = fakePagefind();
    const feed = await SearchIndexFeed.open(pagefind.service);
    const last = site('ordered', {
      'talks/a/index.html': page('a'),
      'talks/b/index.html': page('b'),
      'talks/c/index.html': page('c'),
      'about/index.html': unindexed('about'),
    });
    feed.keepOrderOf(['talks/c/index.html', 'talks/a/index.html', 'talks/b/index.html']);
    // Rendered again before the walk of the last site reaches it, and a page new to this build.
    feed.add('talks/b/index.html', page('b2'));
    feed.add('talks/d/index.html', page('d'));
    await feed.addFolder(last);
    await feed.matchFolder(
      site('ordered-finished', {
        'talks/a/index.html': page('a'),
        'talks/b/index.html': page('b2'),
        'talks/c/index.html': page('c'),
        'talks/d/index.html': page('d'),
      }),
    );
    await feed.write(join(scratch, 'ordered-finished', 'pagefind'));
    expect(pagefind.sent).toEqual(['talks/c/index.html: c', 'talks/a/index.html: a', 'talks/b/index.html: b2', 'talks/d/index.html: d']);
  });

  it('stops reading the last site once told to', async () => {
    const pagefind = fakePagefind();
    const feed = await SearchIndexFeed.open(pagefind.service);
    const pages = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`talks/${String(i).padStart(2, '0')}/index.html`, page(`p${i}`)]));
    let stop = false;
    const reading = feed.addFolder(site('many', pages), () => stop);
    stop = true;
    await reading;
    expect(pagefind.sent.length).toBeLessThan(20);
  });

  it('fails the write with the page Pagefind could not read, and when no page is indexed', async () => {
    const failing = fakePagefind('talks/bad/index.html');
    const feed = await SearchIndexFeed.open(failing.service);
    feed.add('talks/bad/index.html', page('bad'));
    await expect(feed.write(join(scratch, 'bad', 'pagefind'))).rejects.toThrow('talks/bad/index.html: could not parse');
    const empty = await SearchIndexFeed.open(fakePagefind().service);
    empty.add('about/index.html', unindexed('about'));
    await expect(empty.write(join(scratch, 'empty', 'pagefind'))).rejects.toThrow('no page with data-pagefind-body');
  });
});
