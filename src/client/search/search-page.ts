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

const PAGE_SIZE = 5;
/** With a speaker filter, talks without a passage by that speaker drop out: read this many to count them. */
const SPEAKER_FILTER_SCAN = 60;
/** Where the filters fold behind one control (global.css). */
const NARROW = '(max-width: 40rem)';

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  filtersBox: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  suggest: HTMLElement;
  panel: HTMLDetailsElement;
}

/** Wires the search page: query and filters live in the URL, results follow each keystroke. */
export function startSearchPage(base: string): void {
  const elements = findElements();
  if (!elements) return;
  const { form, input, list, more, panel } = elements;
  // On a phone the filters start folded; wider screens show them (the panel's control is hidden there).
  panel.open = !matchMedia(NARROW).matches;
  matchMedia(NARROW).addEventListener('change', (event) => (panel.open = !event.matches));
  let generation = 0;
  let pending: PagefindResult[] = [];
  let shown: ResultView[] = [];
  let terms: string[] = [];
  let speakers = new Set<string>();
  let rank: (page: PageHit) => PassageRanker | undefined = () => undefined;
  const entries = typingHistory();

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeUrl = (state: SearchState, typing: boolean) => {
    const query = paramsFromState(state).toString();
    entries.write(`${location.pathname}${query ? `?${query}` : ''}`, typing);
  };

  async function run(state: SearchState): Promise<void> {
    const current = ++generation;
    const hasFilters = Object.keys(pagefindFilters(state)).length > 0;
    if (state.query === '' && !hasFilters) {
      showSuggestion(elements!, undefined);
      renderFilterBox(elements!, '');
      showFilterCount(elements!, state);
      list.innerHTML = '';
      more.hidden = true;
      showStatus(elements!, 'Type to search every transcript, essay and topic.', false);
      return;
    }
    const pagefind = await loadPagefind(base);
    const search = await pagefind.search(state.query === '' ? null : state.query, { filters: pagefindFilters(state) });
    if (!search || current !== generation) return;
    terms = highlightTerms(state.query);
    // A speaker filter keeps the passages a speaker says among those matching the words; with no
    // words to match, it keeps the pages they take part in, as every other filter does.
    speakers = new Set(state.query === '' ? [] : (state.filters.speaker ?? []));
    // A query word Pagefind found only through a much shorter prefix is no match: nothing matches.
    const words = queryTerms(state.query);
    const { unmatched, loose, forms } = await checkTerms(search.results, words);
    const found = unmatched.length === 0 ? search.results : [];
    // With several words, a result's passages are ordered by the rare words they hold.
    const rarity = found.length > 0 && words.length > 1 ? await termRarity(pagefind, words) : undefined;
    // "Did you mean …?" for words found nowhere, or only in another form; known before anything is
    // shown, so that it appears with the results and moves nothing.
    const doubtful = found.length > 0 ? loose : unmatched.length > 0 && search.results.length > 0 ? unmatched : await wordsNotFound(pagefind, words);
    const better = state.query !== '' && doubtful.length > 0 ? await suggestion(base, pagefind, state.query, doubtful, forms) : undefined;
    if (current !== generation) return;
    rank = (page) => (rarity ? passageRanker(page, words, rarity) : undefined);
    pending = [...found];
    shown = [];
    const counts = found.length > 0 ? await facetCounts(pagefind, state, search.filters) : {};
    if (current !== generation) return;
    renderFilterBox(elements!, renderFilters(counts, state, !matchMedia(NARROW).matches));
    showFilterCount(elements!, state);
    await showMore(current, speakers.size > 0 ? SPEAKER_FILTER_SCAN : PAGE_SIZE);
    if (current !== generation) return;
    const count = speakers.size > 0 && pending.length === 0 ? shown.length : found.length;
    if (count === 0) {
      showStatus(elements!, noMatch(state.query, hasFilters), true);
    } else {
      showStatus(elements!, `${count}${pending.length > 0 && speakers.size > 0 ? '+' : ''} matching ${count === 1 ? 'page' : 'pages'}.`, false);
    }
    showSuggestion(elements!, better);
  }

  async function showMore(current: number, howMany = PAGE_SIZE): Promise<void> {
    const batch = pending.splice(0, howMany);
    const pages = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    shown = [...shown, ...pages.flatMap((page) => resultView(page, speakers, rank(page)) ?? [])];
    list.innerHTML = shown.map((result, index) => renderResult(result, terms, index)).join('');
    more.hidden = pending.length === 0;
  }

  const restore = () => {
    const state = stateFromParams(addressParameters(location.search));
    input.value = state.query;
    void run(state);
  };
  const onChange = (typing: boolean) => {
    const state = readForm();
    writeUrl(state, typing);
    void run(state);
  };

  // Start fetching the index as soon as the reader reaches for the box, not on every page view.
  input.addEventListener('focus', () => void loadPagefind(base), { once: true });
  input.addEventListener('input', () => onChange(true));
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && FACETS.includes(event.target.name as never)) onChange(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange(false);
  });
  // "N more matching passages" opens them in place, and the first of them takes the focus.
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.result-more');
    const extra = button && document.getElementById(button.getAttribute('aria-controls') ?? '');
    if (!button || !extra) return;
    extra.hidden = false;
    button.remove();
    extra.querySelector<HTMLAnchorElement>('a')?.focus();
  });
  elements.suggest.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    event.preventDefault();
    input.value = new URL(link.href).searchParams.get('q') ?? '';
    onChange(false);
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', restore);
  list.addEventListener('keydown', (event) => moveFocus(event, list, input));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    list.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    event.preventDefault();
  });
  // A query typed into another page's header box arrives here with the focus, and typing goes on.
  if (takeCarriedQuery()) {
    // The inline script put the carried words in the box and focused it; what was typed since is there too.
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    entries.typing();
    onChange(true);
    return;
  }
  restore();
}

/** What the page says when nothing matches: of the words, or, with filters alone, of the filters. */
function noMatch(query: string, hasFilters: boolean): string {
  if (query === '') return 'No page matches all of these filters. Remove a filter, or type words to search.';
  return `Nothing matches “${query}”${hasFilters ? ' with these filters' : ''}. Check the spelling, try fewer or other words${hasFilters ? ', or remove a filter' : ''}.`;
}

function findElements(): Elements | undefined {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const filtersBox = document.querySelector<HTMLElement>('#search-filters');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const suggest = document.querySelector<HTMLElement>('#search-suggestion');
  const panel = document.querySelector<HTMLDetailsElement>('#search-filter-panel');
  return form && input && filtersBox && status && list && more && suggest && panel
    ? { form, input, filtersBox, status, list, more, suggest, panel }
    : undefined;
}

/** The filters panel's control says how many filter values are in use. */
function showFilterCount({ panel }: Elements, state: SearchState): void {
  const inUse = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  const count = panel.querySelector('.filter-panel-count');
  if (count) count.textContent = inUse > 0 ? ` (${inUse} in use)` : '';
}

/** "Did you mean …?" with the query to try, or nothing. */
function showSuggestion({ suggest }: Elements, query: string | undefined): void {
  suggest.hidden = query === undefined;
  suggest.textContent = '';
  if (query === undefined) return;
  const link = Object.assign(document.createElement('a'), { href: `?${new URLSearchParams({ q: query }).toString()}`, textContent: query });
  suggest.append('Did you mean ', link, '?');
}

function showStatus({ status }: Elements, text: string, empty: boolean): void {
  status.textContent = text;
  status.classList.toggle('empty', empty);
}

/** Re-rendering the filters must keep the focus of the checkbox just toggled and the groups the reader opened. */
function renderFilterBox({ filtersBox }: Elements, html: string): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && filtersBox.contains(active) ? { name: active.name, value: active.value } : undefined;
  const open = new Set([...filtersBox.querySelectorAll<HTMLElement>('details[open]')].map((details) => details.dataset['filter']));
  filtersBox.innerHTML = html;
  for (const details of filtersBox.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(details.dataset['filter'])) details.open = true;
  if (focused) filtersBox.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
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
