import { addressParameters } from '../../lib/link-parameters.ts';
import { highlightTerms, resultView, type ResultView } from '../../lib/search/page-results.ts';
import { FILTER_KEYS, pagefindFilters, paramsFromState, stateFromParams, type SearchState } from '../../lib/search/search-state.ts';
import type { FilterCounts, Pagefind, PagefindResult } from '../pagefind-types.ts';
import { loadPagefind } from './load-pagefind.ts';
import { renderFilters, renderResult } from './render-results.ts';

const PAGE_SIZE = 5;
/** With a speaker filter, talks without a passage by that speaker drop out: read this many to count them. */
const SPEAKER_FILTER_SCAN = 60;

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  filtersBox: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

/** Wires the search page: query and filters live in the URL, results follow each keystroke. */
export function startSearchPage(base: string): void {
  const elements = findElements();
  if (!elements) return;
  const { form, input, list, more } = elements;
  let generation = 0;
  let pending: PagefindResult[] = [];
  let shown: ResultView[] = [];
  let terms: string[] = [];
  let speakers = new Set<string>();

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  const writeUrl = (state: SearchState, push: boolean) => {
    const query = paramsFromState(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  };

  async function run(state: SearchState): Promise<void> {
    const current = ++generation;
    const hasFilters = Object.keys(pagefindFilters(state)).length > 0;
    if (state.query === '' && !hasFilters) {
      renderFilterBox(elements!, '');
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
    pending = [...search.results];
    shown = [];
    const counts = await facetCounts(pagefind, state, search.filters);
    if (current !== generation) return;
    renderFilterBox(elements!, renderFilters(counts, state));
    await showMore(current, speakers.size > 0 ? SPEAKER_FILTER_SCAN : PAGE_SIZE);
    if (current !== generation) return;
    const count = speakers.size > 0 && pending.length === 0 ? shown.length : search.results.length;
    if (count === 0) {
      showStatus(elements!, noMatch(state.query, hasFilters), true);
    } else {
      showStatus(elements!, `${count}${pending.length > 0 && speakers.size > 0 ? '+' : ''} matching ${count === 1 ? 'page' : 'pages'}.`, false);
    }
  }

  async function showMore(current: number, howMany = PAGE_SIZE): Promise<void> {
    const batch = pending.splice(0, howMany);
    const pages = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    shown = [...shown, ...pages.flatMap((page) => resultView(page, speakers) ?? [])];
    list.innerHTML = shown.map((result) => renderResult(result, terms)).join('');
    more.hidden = pending.length === 0;
  }

  const restore = () => {
    const state = stateFromParams(addressParameters(location.search));
    input.value = state.query;
    void run(state);
  };
  const onChange = (push: boolean) => {
    const state = readForm();
    writeUrl(state, push);
    void run(state);
  };

  // Start fetching the index as soon as the reader reaches for the box, not on every page view.
  input.addEventListener('focus', () => void loadPagefind(base), { once: true });
  input.addEventListener('input', () => onChange(false));
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && FILTER_KEYS.includes(event.target.name as never)) onChange(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange(true);
  });
  more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', restore);
  list.addEventListener('keydown', (event) => moveFocus(event, list, input));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    list.querySelector<HTMLAnchorElement>('a.result-link')?.focus();
    event.preventDefault();
  });
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
  return form && input && filtersBox && status && list && more ? { form, input, filtersBox, status, list, more } : undefined;
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
