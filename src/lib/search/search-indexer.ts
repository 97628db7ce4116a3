import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as pagefindApi from 'pagefind';
import { htmlFiles, sitePath } from '../site/html-files.ts';

export type PagefindService = Pick<typeof pagefindApi, 'createIndex' | 'close'>;
type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefindApi.createIndex>>['index']>;

/**
 * A Pagefind index being built: pages are added as the build renders them (`addPage`, which
 * returns at once; Pagefind's own process parses them), and `finish` adds any page of the output
 * folder that was not added that way, then writes the index. Any error Pagefind reports fails the
 * build: a site whose search silently misses pages is worse than no deploy.
 */
export class SearchIndexer {
  readonly #pagefind: PagefindService;
  readonly #index: PagefindIndex;
  readonly #pending: Promise<void>[] = [];
  readonly #added = new Set<string>();
  readonly #errors: string[] = [];
  #indexedPages = 0;

  private constructor(pagefind: PagefindService, index: PagefindIndex) {
    this.#pagefind = pagefind;
    this.#index = index;
  }

  static async open(pagefind: PagefindService): Promise<SearchIndexer> {
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      failOn(errors, 'creating the index');
      return new SearchIndexer(pagefind, index);
    } catch (error) {
      await pagefind.close();
      throw error;
    }
  }

  /** Adds a page by its file below the output folder (`talks/x/index.html`), from which Pagefind makes its URL. */
  addPage(sourcePath: string, html: string): void {
    this.#added.add(sourcePath);
    this.#pending.push(
      this.#index.addHTMLFile({ sourcePath, content: html }).then(
        ({ errors, file: added }) => {
          this.#errors.push(...errors.map((error) => `${sourcePath}: ${error}`));
          if (added && added.uniqueWords > 0) this.#indexedPages += 1;
        },
        (error: unknown) => void this.#errors.push(`${sourcePath}: ${String(error)}`),
      ),
    );
  }

  /**
   * Adds the output folder's pages that were not added as rendered (any the build copied rather
   * than rendered), writes the index into `<outDir>/pagefind/` and returns the number of pages with
   * indexed words. Closes Pagefind's process, whatever happens.
   */
  async finish(outDir: string): Promise<number> {
    try {
      for (const path of htmlFiles(outDir)) {
        const file = sitePath(outDir, path);
        if (!this.#added.has(file)) this.addPage(file, readFileSync(path, 'utf8'));
      }
      await Promise.all(this.#pending);
      failOn(this.#errors, `indexing ${outDir}`);
      if (this.#indexedPages === 0) throw new Error(`Pagefind found no page with data-pagefind-body in ${outDir}`);
      const written = await this.#index.writeFiles({ outputPath: join(outDir, 'pagefind') });
      failOn(written.errors, 'writing the index');
      return this.#indexedPages;
    } finally {
      await this.#pagefind.close();
    }
  }
}

/** Indexes the HTML already written under `outDir` into `<outDir>/pagefind/`; returns the number of pages indexed. */
export async function buildSearchIndex(outDir: string, pagefind: PagefindService): Promise<number> {
  return (await SearchIndexer.open(pagefind)).finish(outDir);
}

function failOn(errors: readonly string[], during: string): void {
  if (errors.length > 0) throw new Error(`Pagefind failed while ${during}:\n  ${errors.join('\n  ')}`);
}
