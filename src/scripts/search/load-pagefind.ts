import type { SearchCatalogue } from '../../lib/search/search-records.ts';
import type { Pagefind } from '../pagefind-types.ts';

/**
 * Ranking tuned for passages rather than whole pages. Pagefind's default
 * (pageLength 0.75) favours short records; a transcript's passages run from
 * a dozen words to a few hundred, so full length normalisation would rank a
 * one-line aside above the passage that discusses the term at length. A
 * lower value keeps a mild preference for focused passages.
 */
const RANKING = { pageLength: 0.3, termFrequency: 1, termSaturation: 1.6, termSimilarity: 1 };

let pagefind: Promise<Pagefind> | undefined;

/** Loads the index's JavaScript once, from the site's own /pagefind/ folder. */
export function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base.replace(/\/$/, '')}/pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ ranking: RANKING, excerptLength: 30 });
    await module.init();
    return module;
  })();
  return pagefind;
}

let catalogue: Promise<SearchCatalogue> | undefined;

/** The talks' titles, kinds, dates and events, fetched once, alongside the first search. */
export function loadCatalogue(base: string): Promise<SearchCatalogue> {
  catalogue ??= fetch(`${base.replace(/\/$/, '')}/search-catalogue.json`).then((response) => response.json() as Promise<SearchCatalogue>);
  return catalogue;
}
