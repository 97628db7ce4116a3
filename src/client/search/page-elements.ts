/**
 * The search page's elements, and what they show besides the results: the status line, the
 * "Did you mean …?" suggestion, the filters and how many of them are in use.
 */
import type { SearchState } from '../../lib/search/search-state.ts';

export interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  filtersBox: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  suggest: HTMLElement;
  panel: HTMLDetailsElement;
}

/** What the page says when nothing matches: of the words, or, with filters alone, of the filters. */
export function noMatch(query: string, hasFilters: boolean): string {
  if (query === '') return 'No page matches all of these filters. Remove a filter, or type words to search.';
  return `Nothing matches “${query}”${hasFilters ? ' with these filters' : ''}. Check the spelling, try fewer or other words${hasFilters ? ', or remove a filter' : ''}.`;
}

export function findElements(): Elements | undefined {
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
export function showFilterCount({ panel }: Elements, state: SearchState): void {
  const inUse = Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
  const count = panel.querySelector('.filter-panel-count');
  if (count) count.textContent = inUse > 0 ? ` (${inUse} in use)` : '';
}

/** "Did you mean …?" with the query to try, or nothing. */
export function showSuggestion({ suggest }: Elements, query: string | undefined): void {
  suggest.hidden = query === undefined;
  suggest.textContent = '';
  if (query === undefined) return;
  const link = Object.assign(document.createElement('a'), { href: `?${new URLSearchParams({ q: query }).toString()}`, textContent: query });
  suggest.append('Did you mean ', link, '?');
}

export function showStatus({ status }: Elements, text: string, empty: boolean): void {
  status.textContent = text;
  status.classList.toggle('empty', empty);
}

/** Re-rendering the filters must keep the focus of the checkbox just toggled and the groups the reader opened. */
export function renderFilterBox({ filtersBox }: Elements, html: string): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && filtersBox.contains(active) ? { name: active.name, value: active.value } : undefined;
  const open = new Set([...filtersBox.querySelectorAll<HTMLElement>('details[open]')].map((details) => details.dataset['filter']));
  filtersBox.innerHTML = html;
  for (const details of filtersBox.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(details.dataset['filter'])) details.open = true;
  if (focused) filtersBox.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
}

/** Nothing typed and no filter chosen: no results, and a word on what to do. */
export function showStart(elements: Elements, state: SearchState): void {
  showSuggestion(elements, undefined);
  renderFilterBox(elements, '');
  showFilterCount(elements, state);
  elements.list.innerHTML = '';
  elements.more.hidden = true;
  showStatus(elements, 'Type to search every transcript, essay and topic.', false);
}
