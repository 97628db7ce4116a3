import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentDir as defaultContentDir } from '../../src/lib/content/content-dir.ts';
import * as pagefind from 'pagefind';
import { isRenderedPageMessage, SearchIndexFeed } from '../../src/lib/search/index-feed.ts';
import { savedPageOrder, savePageOrder } from '../../src/lib/search/index-page-order.ts';
import { STEPS_BESIDE_ASTRO } from '../../src/lib/output/site-build-steps.ts';
import { isContentCheckRequest, type ContentCheckAnswer } from '../../src/lib/content/content-check-messages.ts';
import { astroBuildProgram } from './astro-build-program.ts';
import { acquireBuildLock, moveInto, removeLeftovers, swapIn } from './build-folders.ts';
import { astroMemoryFlags, buildEnvironment, runNode, startContentProcess } from './build-processes.ts';

export interface SiteBuildOptions {
  /** The project (Astro's root). */
  root: string;
  /** The content folder; default ARCHIVE_CONTENT_DIR, else content/. */
  contentDir?: string;
  /** Where the finished site goes; default dist/ in the project. */
  outDir?: string;
  /** Astro's cache folder, where a rebuild finds what the last build kept; default Astro's own. */
  cacheDir?: string;
  logLevel?: 'error' | 'warn' | 'info';
  /** Where the steps' output goes; default this process's. */
  log?: (text: string) => void;
}

/**
 * The archive's build, as `npm run build` runs it:
 *
 * 1. One build at a time per project: two builds at once would share Astro's folders (`.astro/` and
 *    the cache), and one could publish the other's pages. A second build waits for the first.
 * 2. Astro builds the site into a fresh folder beside the output folder, in a process of its own.
 *    Beside it, a process of its own checks the content, once for the whole build, while Astro's
 *    process is starting (which then asks for the result instead of checking again), and from the
 *    same reading writes the transcript downloads (they depend on nothing Astro renders; those of
 *    unchanged talks are linked from the last site). Meanwhile Pagefind reads each page Astro
 *    renders, sent here as it is rendered (src/integrations/pagefind-index.ts). When Astro's cache
 *    holds the last build, most pages will be kept as they were: Pagefind reads those from the last
 *    site while Astro works, and only what Astro renders again replaces them.
 * 3. When Astro has exited, the index is matched against the finished pages (any page that
 *    differs from what Pagefind read is read again; a page gone is taken out) and written, so it
 *    holds exactly what Pagefind's own indexer would find in the new site. Index files the last
 *    site's index shares with the new one are linked in, not compressed again.
 * 4. Only when all of that succeeded is the new folder swapped in for the old one. A build that
 *    fails or is stopped leaves the last good site as it was, and its folder is removed then or by
 *    the next build.
 */
export async function buildArchiveSite(options: SiteBuildOptions): Promise<{ outDir: string; pages: number }> {
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, 'dist'));
  const log = options.log ?? ((text: string) => process.stdout.write(text));
  const release = await acquireBuildLock(root, log);
  const staging = `${outDir}.building-${process.pid}`;
  const downloads = `${staging}-downloads`;
  const contentDir = resolve(options.contentDir ?? defaultContentDir());
  const cacheDir = resolve(options.cacheDir ?? join(root, 'node_modules', '.astro'));
  let feed: SearchIndexFeed | undefined;
  try {
    removeLeftovers(outDir);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(outDir), { recursive: true });
    // The content is checked first, while Astro's process starts; Astro's process asks for the result.
    const content = startContentProcess(contentDir, downloads, { root, cacheDir, ...(existsSync(outDir) && { lastSite: outDir }) });
    // Their failures are reported below, once Astro has settled; until then they must not count as unhandled.
    content.checked.catch(() => undefined);
    content.downloads.catch(() => undefined);
    feed = await SearchIndexFeed.open(pagefind);
    const index = feed;
    const program = astroBuildProgram({
      root,
      outDir: staging,
      ...(options.cacheDir && { cacheDir }),
      ...(options.logLevel && { logLevel: options.logLevel }),
    });
    const environment = { ...buildEnvironment(), [STEPS_BESIDE_ASTRO]: '1', ARCHIVE_CONTENT_DIR: contentDir };
    const onMessage = (message: unknown, reply: (answer: unknown) => void) => {
      if (isRenderedPageMessage(message)) index.add(message.file, message.html);
      else if (isContentCheckRequest(message))
        content.checked.then(
          (summary) => reply({ kind: 'archive:content-checked', summary } satisfies ContentCheckAnswer),
          (error: unknown) =>
            reply({ kind: 'archive:content-checked', error: error instanceof Error ? error.message : String(error) } satisfies ContentCheckAnswer),
        );
    };
    let astroDone = false;
    const astro = runNode([...astroMemoryFlags(), '--input-type=module', '--eval', program], root, environment, log, onMessage).finally(
      () => (astroDone = true),
    );
    const lastSite =
      existsSync(outDir) && existsSync(join(cacheDir, 'incremental-build.json')) ? readLastSite(index, outDir, cacheDir, () => astroDone) : Promise.resolve();
    const downloadsWritten = content.downloads;
    // All settle before any failure is reported, so no process is left writing.
    const [built, read] = await Promise.allSettled([astro, lastSite]);
    if (built.status === 'rejected' || read.status === 'rejected') {
      await Promise.allSettled([downloadsWritten]);
      throw built.status === 'rejected' ? built.reason : (read as PromiseRejectedResult).reason;
    }
    const started = performance.now();
    const sentBeside = index.sent;
    // The index is matched and written from the pages alone, while the downloads may still be written.
    // They go into the site once they are written and the pages matched (they are not pages), while
    // Pagefind writes the index in its own process.
    const matched = index.matchFolder(staging);
    const indexed = matched.then(() => index.write(join(staging, 'pagefind'), join(outDir, 'pagefind')));
    const movedIn = Promise.all([downloadsWritten, matched]).then(() => moveInto(downloads, staging));
    const [written, indexWritten, moved] = await Promise.allSettled([downloadsWritten, indexed, movedIn]);
    if (written.status === 'rejected') throw written.reason;
    if (indexWritten.status === 'rejected') throw indexWritten.reason;
    if (moved.status === 'rejected') throw moved.reason;
    const { pages, keptFiles } = indexWritten.value;
    mkdirSync(cacheDir, { recursive: true });
    savePageOrder(cacheDir, join(staging, 'pagefind'), index.pageOrder);
    const kept = keptFiles > 0 ? `, ${keptFiles} of its files kept from the last build` : '';
    if (options.logLevel !== 'error') {
      const files = written.value;
      log(`transcript downloads: ${files.written + files.kept} files${files.kept > 0 ? ` (${files.kept} kept from the last build)` : ''}\n`);
      log(
        `search index: ${pages} pages (Pagefind read ${sentBeside} while Astro built the site, ${index.sent - sentBeside} after), written ${((performance.now() - started) / 1000).toFixed(1)} s after Astro${kept}\n`,
      );
    }
    swapIn(staging, outDir);
    return { outDir, pages };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  } finally {
    await feed?.close();
    release();
  }
}

/**
 * Gives the index the last site's pages, in the order its index was given them, while Astro builds
 * the new site: most will be kept as they are (see SearchIndexFeed.keepOrderOf).
 */
async function readLastSite(index: SearchIndexFeed, outDir: string, cacheDir: string, stopped: () => boolean): Promise<void> {
  const order = savedPageOrder(cacheDir, join(outDir, 'pagefind'));
  if (order) index.keepOrderOf(order);
  await index.addFolder(outDir, stopped);
}
