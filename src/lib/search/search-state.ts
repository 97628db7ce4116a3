import { FACETS, type Facet } from '../facets.ts';

/** What the search page shows: the query and the chosen filter values. */
export interface SearchState {
  query: string;
  filters: Partial<Record<Facet, string[]>>;
}

/** The most of a query and of filter values the page reads from its address: more is a crafted link. */
const MAX_QUERY = 500;
const MAX_VALUES = 20;
const MAX_VALUE = 200;

/** Reads the state from a search URL such as `/search/?q=oversight&speaker=Jan+Leike`, each part capped. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FACETS) {
    const values = params
      .getAll(key)
      .filter((value) => value !== '')
      .slice(0, MAX_VALUES)
      .map((value) => value.slice(0, MAX_VALUE));
    if (values.length > 0) filters[key] = values;
  }
  return { query: params.get('q')?.slice(0, MAX_QUERY).trim() ?? '', filters };
}

/** The inverse of `stateFromParams`, so a search can be shared and Back restores it. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query !== '') params.set('q', state.query);
  for (const key of FACETS) for (const value of state.filters[key] ?? []) params.append(key, value);
  return params;
}

/** Pagefind's filter argument: every value of one key may match (any), all keys must (all). */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FACETS) {
    const values = state.filters[key];
    if (values && values.length > 0) filters[key] = { any: values };
  }
  return filters;
}
