import { addressParameters } from '../../lib/link-parameters.ts';
import { highlightTerms, resultView, type PageHit, type ResultView } from '../../lib/search/page-results.ts';
import { queryTerms } from '../../lib/search/query-terms.ts';
import { FACETS } from '../../lib/facets.ts';
import { pagefindFilters, paramsFromState, stateFromParams, type SearchState } from '../../lib/search/search-state.ts';
import type { FilterCounts, Pagefind, PagefindResult } from '../pagefind-types.ts';
import { loadPagefind } from './load-pagefind.ts';
import { checkTerms, passageRanker, suggestion, termRarity, wordsNotFound, type PassageRanker } from './query-check.ts';
import { renderFilters, renderResult } from './render-results.ts';
import { takeCarriedQuery } from './carried-query.ts';
import { typingHistory } from './typing-history.ts';
import { findElements, noMatch, renderFilterBox, showFilterCount, showStart, showStatus, showSuggestion, type Elements } from './page-elements.ts';

const PAGE_SIZE = 5;
/** With a speaker filter, talks without a passage by that speaker drop out: read this many to count them. */
const SPEAKER_FILTER_SCAN = 60;
/** Where the filters fold behind one control (global.css). */
const NARROW = '(max-width: 40rem)';

/** The page's elements and, between keystrokes, the search that is current and the results it found. */
interface Search {
  base: string;
  elements: Elements;
  entries: ReturnType<typeof typingHistory>;
  /** Counts the searches started: one that is no longer the latest stops where it is. */
  generation: number;
  /** Pages found and not yet shown, and the results shown. */
  pending: PagefindResult[];
  shown: ResultView[];
  /** The query's words, highlighted in the results. */
  terms: string[];
  /** The speakers whose passages the results keep (see findPages). */
  speakers: Set<string>;
  /** How a page's passages are ordered, when the query has several words. */
  rank: (page: PageHit) => PassageRanker | undefined;
}

/** Wires the search page: query and filters live in the URL, results follow each keystroke. */
export function startSearchPage(base: string): void {
  const elements = findElements();
  if (!elements) return;
  const { input, panel } = elements;
  // On a phone the filters start folded; wider screens show them (the panel's control is hidden there).
  panel.open = !matchMedia(NARROW).matches;
  matchMedia(NARROW).addEventListener('change', (event) => (panel.open = !event.matches));
  const search: Search = {
    base,
    elements,
    entries: typingHistory(),
    generation: 0,
    pending: [],
    shown: [],
    terms: [],
    speakers: new Set(),
    rank: () => undefined,
  };
  listenToForm(search);
  listenToResults(search);
  // A query typed into another page's header box arrives here with the focus, and typing goes on.
  if (takeCarriedQuery()) {
    // The inline script put the carried words in the box and focused it; what was typed since is there too.
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    search.entries.typing();
    searchFromForm(search, true);
    return;
  }
  searchFromAddress(search);
}

/** The search the address holds, its words put in the box: on arrival, and on Back and Forward. */
function searchFromAddress(search: Search): void {
  const state = stateFromParams(addressParameters(location.search));
  search.elements.input.value = state.query;
  void run(search, state);
}

/** The search the form holds, written to the address first. */
function searchFromForm(search: Search, typing: boolean): void {
  const state = stateFromParams(new URLSearchParams(new FormData(search.elements.form) as unknown as Record<string, string>));
  const query = paramsFromState(state).toString();
  search.entries.write(`${location.pathname}${query ? `?${query}` : ''}`, typing);
  void run(search, state);
}

/** Typing, a filter, Enter and a suggestion each search; Back and Forward search what the address holds. */
function listenToForm(search: Search): void {
  const { form, input, suggest } = search.elements;
  // Start fetching the index as soon as the reader reaches for the box, not on every page view.
  input.addEventListener('focus', () => void loadPagefind(search.base), { once: true });
  input.addEventListener('input', () => searchFromForm(search, true));
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && FACETS.includes(event.target.name as never)) searchFromForm(search, false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    searchFromForm(search, false);
  });
  suggest.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    event.preventDefault();
    input.value = new URL(link.href).searchParams.get('q') ?? '';
    searchFromForm(search, false);
  });
  window.addEventListener('popstate', () => searchFromAddress(search));
}

/** The results' controls: more passages of a page, more pages, and the arrow keys between results. */
function listenToResults(search: Search): void {
  const { input, list, more } = search.elements;
  // "N more matching passages" opens them in place, and the first of them takes the focus.
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.result-more');
    const extra = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!button || !extra) return;
    extra.hidden = false;
    button.remove();
    extra.querySelector<HTMLAnchorElement>('a')?.focus();
  });
  more.addEventListener('click', () => void showMore(search, search.generation));
  list.addEventListener('keydown', (event) => moveFocus(event, list, input));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    list.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    event.preventDefault();
  });
}

async function run(search: Search, state: SearchState): Promise<void> {
  const { elements } = search;
  const current = ++search.generation;
  const hasFilters = Object.keys(pagefindFilters(state)).length > 0;
  if (state.query === '' && !hasFilters) {
    showStart(elements, state);
    return;
  }
  const pagefind = await loadPagefind(search.base);
  const matches = await findPages(search, pagefind, state, current);
  if (!matches) return;
  const { found, better } = matches;
  const counts = found.length > 0 ? await facetCounts(pagefind, state, matches.filters) : {};
  if (current !== search.generation) return;
  renderFilterBox(elements, renderFilters(counts, state, !matchMedia(NARROW).matches));
  showFilterCount(elements, state);
  await showMore(search, current, search.speakers.size > 0 ? SPEAKER_FILTER_SCAN : PAGE_SIZE);
  if (current !== search.generation) return;
  const count = search.speakers.size > 0 && search.pending.length === 0 ? search.shown.length : found.length;
  if (count === 0) {
    showStatus(elements, noMatch(state.query, hasFilters), true);
  } else {
    showStatus(elements, `${count}${search.pending.length > 0 && search.speakers.size > 0 ? '+' : ''} matching ${count === 1 ? 'page' : 'pages'}.`, false);
  }
  showSuggestion(elements, better);
}

/**
 * Searches, and keeps the pages found as results to show and how to rank their passages; with the
 * filters' counts and a better query to suggest. Undefined when a later search has started meanwhile.
 */
async function findPages(
  search: Search,
  pagefind: Pagefind,
  state: SearchState,
  current: number,
): Promise<{ found: PagefindResult[]; better: string | undefined; filters: FilterCounts } | undefined> {
  const result = await pagefind.search(state.query === '' ? null : state.query, { filters: pagefindFilters(state) });
  if (!result || current !== search.generation) return undefined;
  search.terms = highlightTerms(state.query);
  // A speaker filter keeps the passages a speaker says among those matching the words; with no
  // words to match, it keeps the pages they take part in, as every other filter does.
  search.speakers = new Set(state.query === '' ? [] : (state.filters.speaker ?? []));
  // A query word Pagefind found only through a much shorter prefix is no match: nothing matches.
  const words = queryTerms(state.query);
  const { unmatched, loose, forms } = await checkTerms(result.results, words);
  const found = unmatched.length === 0 ? result.results : [];
  // With several words, a result's passages are ordered by the rare words they hold.
  const rarity = found.length > 0 && words.length > 1 ? await termRarity(pagefind, words) : undefined;
  // "Did you mean …?" for words found nowhere, or only in another form; known before anything is
  // shown, so that it appears with the results and moves nothing.
  const doubtful = found.length > 0 ? loose : unmatched.length > 0 && result.results.length > 0 ? unmatched : await wordsNotFound(pagefind, words);
  const better = state.query !== '' && doubtful.length > 0 ? await suggestion(search.base, pagefind, state.query, doubtful, forms) : undefined;
  if (current !== search.generation) return undefined;
  search.rank = (page) => (rarity ? passageRanker(page, words, rarity) : undefined);
  search.pending = [...found];
  search.shown = [];
  return { found, better, filters: result.filters };
}

async function showMore(search: Search, current: number, howMany = PAGE_SIZE): Promise<void> {
  const { list, more } = search.elements;
  const batch = search.pending.splice(0, howMany);
  const pages = await Promise.all(batch.map((result) => result.data()));
  if (current !== search.generation) return;
  search.shown = [...search.shown, ...pages.flatMap((page) => resultView(page, search.speakers, search.rank(page)) ?? [])];
  list.innerHTML = search.shown.map((result, index) => renderResult(result, search.terms, index)).join('');
  more.hidden = search.pending.length === 0;
}

/**
 * Counts for each filter as a reader expects of facets: a chosen speaker
 * must not hide the other speakers' counts, since values of one filter
 * combine with "or". So a filter in use is counted with every other filter
 * applied but not itself (one extra search per filter in use).
 */
async function facetCounts(pagefind: Pagefind, state: SearchState, counts: FilterCounts): Promise<FilterCounts> {
  const result: FilterCounts = { ...counts };
  for (const key of FACETS) {
    if (!state.filters[key]?.length) continue;
    const others = { ...state, filters: { ...state.filters, [key]: [] } };
    const search = await pagefind.search(state.query === '' ? null : state.query, { filters: pagefindFilters(others) });
    if (search?.filters[key]) result[key] = search.filters[key];
  }
  return result;
}

/** Up and down arrows move between result links; up from the first returns to the search box. */
function moveFocus(event: KeyboardEvent, list: HTMLElement, input: HTMLInputElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (index === -1) return;
  event.preventDefault();
  const next = event.key === 'ArrowDown' ? links[index + 1] : links[index - 1];
  (next ?? (event.key === 'ArrowUp' ? input : links[index]))?.focus();
}
