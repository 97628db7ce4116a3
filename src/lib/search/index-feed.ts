import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { htmlFiles, sitePath } from '../output/html-files.ts';
import type { PagefindService } from './memory-index.ts';
import { filesMatchingTheirNames, placeLastIndexFiles, settlePlacedFiles } from './pagefind-files.ts';

/** What marks a page for the index: Pagefind leaves out every page without it. */
const INDEXED_MARK = 'data-pagefind-body';
/**
 * Put in place of a page that is gone or no longer indexed: Pagefind has no way to take a page
 * out, but leaves out a page without data-pagefind-body, and a page added again replaces the one
 * with its path where it stands.
 */
const NO_PAGE = '<!doctype html><html lang="en"><head></head><body></body></html>';
/** Pages read from disk and sent ahead of Pagefind's answers: enough to keep it busy, few enough to hold little memory. */
const IN_FLIGHT = 4;

/** A rendered page, as the build's Astro process sends it to the process that feeds the index. */
export interface RenderedPageMessage {
  kind: 'archive:rendered-page';
  /** Its file below the output folder: `talks/x/index.html`. */
  file: string;
  html: string;
}

export function isRenderedPageMessage(message: unknown): message is RenderedPageMessage {
  return typeof message === 'object' && message !== null && (message as RenderedPageMessage).kind === 'archive:rendered-page';
}

/**
 * The site's Pagefind index, fed page by page while the site is being built, so that Pagefind
 * reads pages on one core while Astro renders on the other, instead of reading all of them after.
 *
 * It remembers a digest of what it holds for each page file, so the finished site can be checked
 * against it (`matchFolder`): a page that differs from what was fed, appeared, or went away is
 * added or taken out then. Whatever was fed before, the index written holds exactly the pages of
 * the finished site: the same records Pagefind's own indexer makes from its files.
 */
export class SearchIndexFeed {
  /** Digest of the HTML the index holds (or is about to hold) for each page file. */
  private readonly held = new Map<string, string>();
  /** Page files whose HTML the index holds is indexed (has data-pagefind-body). */
  private readonly indexed = new Set<string>();
  private readonly problems: string[] = [];
  /** Pages sent to Pagefind and not yet answered. */
  private outstanding = 0;
  private sends = 0;
  /** Page files in the order they were first sent: the order of Pagefind's page numbers. */
  private readonly firstSent = new Set<string>();
  private readonly waiting: (() => void)[] = [];
  /** Each page file's place in the order the last index was given its pages (see `keepOrderOf`). */
  private planned: Map<string, number> | undefined;
  /** Rendered pages held back until the last site's pages before them have been given (in arrival order). */
  private readonly heldBack = new Map<string, string | Uint8Array>();

  private readonly service: PagefindService;
  private readonly index: PagefindIndex;

  private constructor(service: PagefindService, index: PagefindIndex) {
    this.service = service;
    this.index = index;
  }

  static async open(service: PagefindService): Promise<SearchIndexFeed> {
    const { index, errors } = await service.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    return new SearchIndexFeed(service, index);
  }

  /** Pages the index holds now. */
  get pages(): number {
    return this.indexed.size;
  }

  /** Pages sent to Pagefind so far (each time a page was added or taken out). */
  get sent(): number {
    return this.sends;
  }

  /** The indexed page files in the order of Pagefind's page numbers (for `keepOrderOf` next time). */
  get pageOrder(): string[] {
    return [...this.firstSent].filter((file) => this.indexed.has(file));
  }

  /** True when the index holds something for this page file. */
  holds(file: string): boolean {
    return this.held.has(file);
  }

  /**
   * Gives pages in the order of `files` (the last index's `pageOrder`) where it can. Pagefind numbers pages in the order it is first given them and writes those numbers into
   * its word-index files; given the same order as last time, every index file that holds no word
   * of a changed page comes out as it was, and is kept rather than compressed again.
   */
  keepOrderOf(files: readonly string[]): void {
    this.planned = new Map(files.map((file, place) => [file, place]));
  }

  /** Gives the index this page's HTML; the same HTML again is not sent again. */
  add(file: string, html: string | Uint8Array): void {
    // While the last site is walked in order, a page it has not reached (or a new one) waits for
    // its turn (`addFolder`): one given early would renumber every page after it.
    if (this.planned && !this.held.has(file)) {
      this.heldBack.set(file, html);
      return;
    }
    this.give(file, html);
  }

  private give(file: string, html: string | Uint8Array): void {
    const digest = digestOf(html);
    if (this.held.get(file) === digest) return;
    const text = typeof html === 'string' ? html : Buffer.from(html).toString('utf8');
    const indexed = text.includes(INDEXED_MARK);
    // A page never indexed need not be sent; one that was must be replaced to be left out.
    if (!indexed && !this.indexed.has(file)) {
      this.held.set(file, digest);
      return;
    }
    this.held.set(file, digest);
    if (indexed) this.indexed.add(file);
    else this.indexed.delete(file);
    this.send(file, indexed ? text : NO_PAGE);
  }

  /**
   * Adds the pages of a site folder that the index does not hold yet, in the order `keepOrderOf`
   * gave (else in path order), reading each only when Pagefind has room for it. `stopped` ends it
   * early (the site it feeds has been built).
   */
  async addFolder(folder: string, stopped: () => boolean = () => false): Promise<void> {
    for (const file of this.pageFilesInOrder(folder)) {
      await this.room();
      if (stopped()) return;
      if (this.held.has(file)) continue;
      const html = this.heldBack.get(file) ?? readPage(join(folder, file));
      this.heldBack.delete(file);
      if (html !== undefined && !this.held.has(file)) this.give(file, html);
    }
    // The walk is done: pages new to this build follow, and from now on come as they are rendered.
    this.planned = undefined;
    for (const [file, html] of this.heldBack) this.give(file, html);
    this.heldBack.clear();
  }

  /**
   * Makes the index hold exactly the pages of the finished site in `folder`: each page whose HTML
   * differs from what was fed is added again, and a page fed but no longer there is taken out.
   */
  async matchFolder(folder: string): Promise<void> {
    const files = this.pageFilesInOrder(folder);
    // Pages held back are in the finished site as they were rendered: read from there, in order.
    this.heldBack.clear();
    this.planned = undefined;
    const present = new Set(files);
    // Pages Pagefind has not been given go first, in order (they are what it has left to read, when
    // Astro finished before it had read the last site); the pages it holds are checked meanwhile,
    // and only one that differs waits for room to be sent again.
    const unheld = new Set(files.filter((file) => !this.held.has(file)));
    const givingUnheld = (async () => {
      for (const file of unheld) {
        await this.room();
        const html = readPage(join(folder, file));
        if (html !== undefined) this.give(file, html);
      }
    })();
    for (const file of files) {
      if (unheld.has(file)) continue;
      // A turn for the loop above, so that Pagefind always has a page to read.
      await new Promise((resolve) => setImmediate(resolve));
      const html = readPage(join(folder, file));
      if (html === undefined || this.held.get(file) === digestOf(html)) continue;
      await this.room();
      this.give(file, html);
    }
    await givingUnheld;
    for (const file of [...this.held.keys()]) {
      if (present.has(file)) continue;
      this.held.delete(file);
      if (this.indexed.delete(file)) this.send(file, NO_PAGE);
    }
  }

  /** The page files of a site folder (`talks/x/index.html`): in the planned order, then the others in path order. */
  private pageFilesInOrder(folder: string): string[] {
    const files = htmlFiles(folder).map((path) => sitePath(folder, path));
    const plan = this.planned;
    if (!plan) return files;
    const place = (file: string) => plan.get(file) ?? plan.size;
    return files
      .map((file, at) => ({ file, at }))
      .sort((a, b) => place(a.file) - place(b.file) || a.at - b.at)
      .map(({ file }) => file);
  }

  /**
   * Waits for every page sent, then writes the index into `outputPath`; rejects with what Pagefind
   * reported. With `lastIndex` (the last site's index folder), the files the two indexes share are
   * taken from it instead of being compressed again (see pagefind-files.ts). Returns the pages
   * indexed and how many files were kept from the last index.
   */
  async write(outputPath: string, lastIndex?: string): Promise<{ pages: number; keptFiles: number }> {
    await this.settled();
    if (this.problems.length > 0) throw new Error(`Pagefind could not index the pages:\n${this.problems.join('\n')}`);
    if (this.indexed.size === 0) throw new Error('Pagefind found no page with data-pagefind-body to index');
    const placed = lastIndex && existsSync(join(lastIndex, 'pagefind-entry.json')) ? placeLastIndexFiles(lastIndex, outputPath) : [];
    const written = this.writeFiles(outputPath);
    // Its failure is thrown below, where it is awaited.
    written.catch(() => undefined);
    if (placed.length === 0) {
      await written;
      return { pages: this.indexed.size, keptFiles: 0 };
    }
    // The files placed are checked against their names while Pagefind writes (in its own process):
    // the check reads only them. Pagefind's request is on its way first.
    await new Promise((resolve) => setImmediate(resolve));
    const matching = filesMatchingTheirNames(outputPath, placed);
    await written;
    const { kept, mismatched } = settlePlacedFiles(outputPath, placed, matching);
    // A file of the last index whose name the new one uses for other contents: written afresh.
    if (mismatched.length > 0) await this.writeFiles(outputPath);
    return { pages: this.indexed.size, keptFiles: kept };
  }

  private async writeFiles(outputPath: string): Promise<void> {
    const { errors } = await this.index.writeFiles({ outputPath });
    if (errors.length > 0) throw new Error(`Pagefind could not write the index into ${outputPath}:\n${errors.join('\n')}`);
    if (!existsSync(join(outputPath, 'pagefind-entry.json'))) throw new Error(`Pagefind wrote no index into ${outputPath}`);
  }

  /** Ends Pagefind's process. */
  async close(): Promise<void> {
    await this.service.close();
  }

  /**
   * Sends at once, in the order pages are given (Pagefind's service answers in turn, and a page
   * keeps the place it first came in). Only reading from disk waits for room (`room`).
   */
  private send(file: string, content: string): void {
    this.outstanding += 1;
    this.sends += 1;
    this.firstSent.add(file);
    this.index
      .addHTMLFile({ sourcePath: file, content })
      .then(
        ({ errors }) => this.problems.push(...errors.map((error) => `${file}: ${error}`)),
        (error: unknown) => this.problems.push(`${file}: ${String(error)}`),
      )
      .finally(() => {
        this.outstanding -= 1;
        for (const wake of this.waiting.splice(0)) wake();
      });
  }

  /** Resolves when fewer than `limit` pages wait for Pagefind. */
  private async room(limit = IN_FLIGHT): Promise<void> {
    while (this.outstanding >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private settled(): Promise<void> {
    return this.room(1);
  }
}

/** A page's bytes, or undefined when it was removed meanwhile (the finished site decides). */
function readPage(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function digestOf(html: string | Uint8Array): string {
  return createHash('sha1').update(html).digest('base64');
}
