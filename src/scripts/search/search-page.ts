import { groupHits, highlightTerms, type Hit } from '../../lib/search/group-results.ts';
import { pagefindFilters, paramsFromState, stateFromParams, FILTER_KEYS, type SearchState } from '../../lib/search/search-state.ts';
import type { FilterCounts, Pagefind, PagefindResult } from '../pagefind-types.ts';
import { loadCatalogue, loadPagefind } from './load-pagefind.ts';
import { renderFilters, renderGroup } from './render-results.ts';

const PAGE_SIZE = 20;

/** Wires the search page: query and filters live in the URL, results follow each keystroke. */
export function startSearchPage(base: string): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const filtersBox = document.querySelector<HTMLElement>('#search-filters');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  if (!form || !input || !filtersBox || !status || !list || !more) return;

  let generation = 0;
  let pending: PagefindResult[] = [];
  let shownHits: Hit[] = [];
  let terms: string[] = [];

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeUrl = (state: SearchState, push: boolean) => {
    const query = paramsFromState(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  /** Re-rendering the filters must not throw away the focus of the checkbox just toggled. */
  const renderFilterBox = (html: string) => {
    const active = document.activeElement;
    const focused = active instanceof HTMLInputElement && filtersBox.contains(active) ? { name: active.name, value: active.value } : undefined;
    const open = new Set([...filtersBox.querySelectorAll<HTMLElement>('details[open]')].map((details) => details.dataset['filter']));
    filtersBox.innerHTML = html;
    for (const details of filtersBox.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(details.dataset['filter'])) details.open = true;
    if (focused) filtersBox.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
  };

  async function run(state: SearchState): Promise<void> {
    const current = ++generation;
    const pagefind = await loadPagefind(base);
    const hasFilters = Object.keys(pagefindFilters(state)).length > 0;
    if (state.query === '' && !hasFilters) {
      renderFilterBox(renderFilters(await pagefind.filters(), state));
      list!.innerHTML = '';
      status!.textContent = 'Type to search every transcript, essay and topic.';
      more!.hidden = true;
      return;
    }
    const search = await pagefind.search(state.query === '' ? null : state.query, { filters: pagefindFilters(state) });
    if (!search || current !== generation) return;
    terms = highlightTerms(state.query);
    renderFilterBox(renderFilters(await facetCounts(pagefind, state, search.filters), state));
    const count = search.results.length;
    pending = [...search.results];
    shownHits = [];
    list!.innerHTML = '';
    await showMore(current);
    if (current !== generation) return;
    status!.textContent =
      count === 0
        ? `Nothing matches “${state.query}”${hasFilters ? ' with these filters' : ''}. Check the spelling, try fewer or other words${hasFilters ? ', or remove a filter' : ''}.`
        : `${count} matching ${count === 1 ? 'passage or page' : 'passages and pages'}.`;
    status!.classList.toggle('empty', count === 0);
  }

  async function showMore(current: number): Promise<void> {
    const batch = pending.splice(0, PAGE_SIZE);
    const loaded = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    const catalogue = await loadCatalogue(base);
    if (current !== generation) return;
    shownHits = [...shownHits, ...loaded.map(({ url, excerpt, meta, filters }) => ({ url, excerpt, meta, filters }))];
    list!.innerHTML = groupHits(shownHits, catalogue).map((group) => renderGroup(group, terms)).join('');
    more!.hidden = pending.length === 0;
  }

  const restore = () => {
    const state = stateFromParams(new URLSearchParams(location.search));
    input.value = state.query;
    void run(state);
  };

  input.addEventListener('input', () => {
    const state = readForm();
    writeUrl(state, false);
    void run(state);
  });
  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement) || !FILTER_KEYS.includes(event.target.name as never)) return;
    const state = readForm();
    writeUrl(state, true);
    void run(state);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = readForm();
    writeUrl(state, true);
    void run(state);
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', restore);
  list.addEventListener('keydown', (event) => moveFocus(event, list, input));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      list.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
      event.preventDefault();
    }
  });
  restore();
}

/**
 * Counts for each filter as a reader expects of facets: a chosen speaker
 * must not hide the other speakers' counts, since values of one filter
 * combine with "or". So a filter in use is counted with every other filter
 * applied but not itself (one extra search per filter in use).
 */
async function facetCounts(pagefind: Pagefind, state: SearchState, counts: FilterCounts): Promise<FilterCounts> {
  const result: FilterCounts = { ...counts };
  for (const key of FILTER_KEYS) {
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
