import { escapeHtml } from '../../lib/html.ts';
import type { PageHit, SubResult } from '../../lib/search/page-results.ts';
import { passageScore, rareWordExcerpt, rarityOf } from '../../lib/search/passage-rank.ts';
import { foldWord, foundForms, looseTerms, matchesTerm, queryTerms, unmatchedTerms, wordsAt } from '../../lib/search/query-terms.ts';
import { correctedQuery } from '../../lib/search/suggest.ts';
import type { Pagefind, PagefindResult } from '../pagefind-types.ts';

/** Pagefind ranks pages holding the word itself first, so this many decide whether a query word was found. */
const PAGES_CHECKED = 3;

/**
 * How the first results match each query word (query-terms.ts): `unmatched`, words found only through a
 * much shorter prefix, which make the query find nothing; `loose`, words found only in another form.
 */
export async function checkTerms(
  results: readonly PagefindResult[],
  terms: readonly string[],
): Promise<{ unmatched: string[]; loose: string[]; forms: string[] }> {
  if (results.length === 0) return { unmatched: [...terms], loose: [], forms: [] };
  const pages = (await Promise.all(results.slice(0, PAGES_CHECKED).map((result) => result.data()))).map((page) => ({
    content: page.content ?? '',
    locations: page.locations ?? [],
  }));
  const loose = looseTerms(terms, pages);
  return { unmatched: unmatchedTerms(terms, pages), loose, forms: loose.flatMap((term) => foundForms(term, pages)) };
}

/** Of a query that found nothing, the words that find nothing on their own either: the ones to correct. */
export async function wordsNotFound(pagefind: Pagefind, terms: readonly string[]): Promise<string[]> {
  const alone = await Promise.all(
    terms.map(async (term) => {
      const search = await pagefind.search(term);
      return (await checkTerms(search?.results ?? [], [term])).unmatched.length > 0;
    }),
  );
  return terms.filter((_, index) => alone[index]);
}

export type PassageRanker = (sub: SubResult) => { score: number; excerpt: string };

/** Scores a page's passages by the rare query words they hold, each with an excerpt around them (passage-rank.ts). */
export function passageRanker(page: PageHit, terms: readonly string[], rarity: ReadonlyMap<string, number>): PassageRanker {
  const words = (page.content ?? '').split(/\s+/);
  const weight = (word: string) => Math.max(0, ...terms.filter((term) => matchesTerm(term, word)).map((term) => rarity.get(term) ?? 0));
  return (sub) => ({
    score: passageScore(wordsAt(page.content ?? '', sub.locations ?? []), terms, rarity),
    excerpt: rareWordExcerpt(words, sub.locations ?? [], weight, escapeHtml),
  });
}

const rarities = new Map<string, Promise<number>>();

/** Each query word's rarity in the archive, from the number of pages Pagefind finds for it alone (kept for the visit). */
export async function termRarity(pagefind: Pagefind, terms: readonly string[]): Promise<Map<string, number>> {
  const values = await Promise.all(
    terms.map((term) => {
      let rarity = rarities.get(term);
      if (!rarity) {
        rarity = pagefind.search(term).then((search) => rarityOf(search?.results.length ?? 0));
        rarities.set(term, rarity);
      }
      return rarity;
    }),
  );
  return new Map(terms.map((term, index) => [term, values[index] ?? 0]));
}

let vocabulary: Promise<string[]> | undefined;

/**
 * "Did you mean …?": the query with its doubtful words replaced by the archive's nearest words, offered
 * only if it finds something itself. The word list (written at build time) is fetched the first time a
 * query needs it.
 */
export async function suggestion(
  base: string,
  pagefind: Pagefind,
  query: string,
  doubtful: readonly string[],
  preferred: readonly string[] = [],
): Promise<string | undefined> {
  vocabulary ??= fetch(`${base.replace(/\/$/, '')}/search-words.txt`)
    .then((response) => (response.ok ? response.text() : ''))
    .then((text) => text.split('\n').filter(Boolean))
    .catch(() => []);
  // Words Pagefind found for a loosely matched word come first, so they win a tie ("situational", not "situation").
  const better = correctedQuery(query, doubtful, [...preferred, ...(await vocabulary)], foldWord);
  if (!better) return undefined;
  const search = await pagefind.search(better);
  const { unmatched } = await checkTerms(search?.results ?? [], queryTerms(better));
  return (search?.results.length ?? 0) > 0 && unmatched.length === 0 ? better : undefined;
}
