import type { Pagefind } from '../pagefind-types.ts';

/**
 * Ranking for transcripts. Pagefind's default page-length normalisation
 * (0.75) ranks a short page that mentions a term once above a long transcript
 * that discusses it at length; archives are mostly long transcripts, so
 * length counts for little here (0.1), and repeated mentions keep adding
 * weight a little longer than by default (termSaturation 1.6).
 */
const RANKING = { pageLength: 0.1, termFrequency: 1, termSaturation: 1.6, termSimilarity: 1 };

let pagefind: Promise<Pagefind> | undefined;

/** Loads the index's JavaScript once, from the site's own /pagefind/ folder. */
export function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (async () => {
    const url = `${base.replace(/\/$/, '')}/pagefind/pagefind.js`;
    const module = (await import(/* @vite-ignore */ url)) as Pagefind;
    await module.options({ ranking: RANKING, excerptLength: 30 });
    await module.init();
    // Filter values and counts are small (one entry per page, not per passage): load them up front,
    // so every search reports counts for every filter.
    await module.filters();
    return module;
  })();
  return pagefind;
}
