import { addressParameters } from '../lib/link-parameters.ts';
import type { Facet } from '../lib/facets.ts';
import { compareTalks, isTalkSort, matchesSelection, type FilterableTalk, type TalkSelection } from '../lib/talk-filters.ts';

/**
 * Filters and sorts the talks index in place. The list is complete without
 * JavaScript; this shows the form, hides the talks that do not match, reorders
 * the rest, says how many are shown, and keeps the choices in the address
 * (`?speaker=jan-leike&sort=title`) so a filtered list can be shared.
 */
export function startTalkFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#talk-filters');
  const list = document.querySelector<HTMLElement>('#talk-list');
  const status = document.querySelector<HTMLElement>('#talk-filter-status');
  if (!form || !list || !status) return;

  // The filters are the form's own: each a select named after a facet (and one for the order).
  const facets = [...form.querySelectorAll<HTMLSelectElement>('select[name]')].map((select) => select.name).filter((name): name is Facet => name !== 'sort');
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > li')].map((element, index) => ({ element, talk: readTalk(element, index, facets) }));
  restore(form, addressParameters(location.search), facets);

  const apply = () => {
    const selection = readSelection(form, facets);
    let shown = 0;
    for (const { element, talk } of cards) {
      const match = matchesSelection(talk, selection);
      element.hidden = !match;
      if (match) shown += 1;
    }
    const compare = compareTalks(selection.sort);
    list.append(...[...cards].sort((a, b) => compare(a.talk, b.talk)).map(({ element }) => element));
    status.textContent =
      shown === 0
        ? 'No talk matches these filters.'
        : shown === cards.length
          ? `Showing all ${cards.length} talks.`
          : `Showing ${shown} of ${cards.length} talks.`;
    history.replaceState(history.state, '', addressOf(selection));
  };

  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  // The form's own reset clears the fields after the event; apply once it has.
  form.addEventListener('reset', () => setTimeout(apply));
  form.hidden = false;
  apply();
}

function readTalk(element: HTMLElement, index: number, facets: readonly Facet[]): FilterableTalk {
  const values: Partial<Record<Facet, string>> = {};
  for (const name of facets) values[name] = element.dataset[name] ?? '';
  return { values, hasTranscript: element.dataset['transcript'] === 'yes', date: element.dataset['date'] ?? '', title: element.dataset['title'] ?? '', index };
}

function readSelection(form: HTMLFormElement, facets: readonly Facet[]): TalkSelection {
  const data = new FormData(form);
  const filters: Partial<Record<Facet, string>> = {};
  for (const name of facets) {
    const value = data.get(name);
    if (typeof value === 'string' && value !== '') filters[name] = value;
  }
  const chosen = data.get('sort');
  const sort = typeof chosen === 'string' ? chosen : 'date';
  return { filters, transcriptOnly: data.get('transcript') === 'yes', sort: isTalkSort(sort) ? sort : 'date' };
}

/** Sets the form from the address, ignoring values it does not offer. */
function restore(form: HTMLFormElement, params: URLSearchParams, facets: readonly Facet[]): void {
  for (const name of [...facets, 'sort']) {
    const select = form.elements.namedItem(name);
    const value = params.get(name);
    if (select instanceof HTMLSelectElement && value !== null && [...select.options].some((option) => option.value === value)) select.value = value;
  }
  const transcript = form.elements.namedItem('transcript');
  if (transcript instanceof HTMLInputElement) transcript.checked = params.get('transcript') === 'yes';
}

function addressOf(selection: TalkSelection): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(selection.filters)) if (value) params.set(name, value);
  if (selection.transcriptOnly) params.set('transcript', 'yes');
  if (selection.sort !== 'date') params.set('sort', selection.sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}
