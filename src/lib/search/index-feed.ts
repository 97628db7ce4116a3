import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PagefindIndex } from 'pagefind';
import { htmlFiles, sitePath } from '../site/html-files.ts';
import type { PagefindService } from './memory-index.ts';
import { placeLastIndexFiles, settlePlacedFiles } from './pagefind-files.ts';

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
  private readonly waiting: (() => void)[] = [];

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

  /** True when the index holds something for this page file. */
  holds(file: string): boolean {
    return this.held.has(file);
  }

  /** Gives the index this page's HTML; the same HTML again is not sent again. */
  add(file: string, html: string | Uint8Array): void {
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
   * Adds the pages of a site folder that the index does not hold yet, in path order, reading each
   * only when Pagefind has room for it. `stopped` ends it early (the site it feeds has been built).
   */
  async addFolder(folder: string, stopped: () => boolean = () => false): Promise<void> {
    for (const path of htmlFiles(folder)) {
      await this.room();
      if (stopped()) return;
      const file = sitePath(folder, path);
      if (this.held.has(file)) continue;
      let html: Buffer;
      try {
        html = readFileSync(path);
      } catch {
        continue; // removed while this ran: the finished site decides
      }
      if (!this.held.has(file)) this.add(file, html);
    }
  }

  /**
   * Makes the index hold exactly the pages of the finished site in `folder`: each page whose HTML
   * differs from what was fed is added again, and a page fed but no longer there is taken out.
   */
  async matchFolder(folder: string): Promise<void> {
    const present = new Set<string>();
    for (const path of htmlFiles(folder)) {
      await this.room();
      const file = sitePath(folder, path);
      present.add(file);
      this.add(file, readFileSync(path));
    }
    for (const file of [...this.held.keys()]) {
      if (present.has(file)) continue;
      this.held.delete(file);
      if (this.indexed.delete(file)) this.send(file, NO_PAGE);
    }
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
    await this.writeFiles(outputPath);
    if (placed.length === 0) return { pages: this.indexed.size, keptFiles: 0 };
    const { kept, mismatched } = settlePlacedFiles(outputPath, placed);
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

function digestOf(html: string | Uint8Array): string {
  return createHash('sha1').update(html).digest('base64');
}
