import type { PageHit } from '../lib/search/page-results.ts';

/** The parts of Pagefind's browser API the search page uses (pagefind.js is generated at build time). */
export interface PagefindResult {
  id: string;
  data(): Promise<PageHit>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts per filter value among the results, other filters applied. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}
