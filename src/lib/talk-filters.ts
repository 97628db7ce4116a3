/**
 * The talks index's filters and sort orders, shared by the page (which lists
 * the choices) and its script (which applies them in the browser).
 */

import type { Facet } from './facets.ts';

export const TALK_SORTS = { date: 'Newest first', oldest: 'Oldest first', title: 'Title, A to Z' } as const;
export type TalkSort = keyof typeof TALK_SORTS;

/** What the index knows of one listed talk: its filter values (space-separated ids), date and title. */
export interface FilterableTalk {
  values: Partial<Record<Facet, string>>;
  hasTranscript: boolean;
  date: string;
  title: string;
  /** Position in the archive's order (newest first, programme order within an event). */
  index: number;
}

export interface TalkSelection {
  filters: Partial<Record<Facet, string>>;
  transcriptOnly: boolean;
  sort: TalkSort;
}

export function matchesSelection(talk: FilterableTalk, selection: TalkSelection): boolean {
  if (selection.transcriptOnly && !talk.hasTranscript) return false;
  return Object.entries(selection.filters).every(([name, wanted]) => !wanted || (talk.values[name as Facet] ?? '').split(' ').includes(wanted));
}

/** Orders talks: the archive's order, its dates reversed (undated still last), or by title. */
export function compareTalks(sort: TalkSort): (a: FilterableTalk, b: FilterableTalk) => number {
  if (sort === 'title') return (a, b) => titleKey(a.title).localeCompare(titleKey(b.title), 'en', { sensitivity: 'base', numeric: true }) || a.index - b.index;
  if (sort === 'oldest') return (a, b) => Number(a.date === '') - Number(b.date === '') || a.date.localeCompare(b.date) || a.index - b.index;
  return (a, b) => a.index - b.index;
}

/** Titles sort without opening quotes or articles' case mattering. */
function titleKey(title: string): string {
  return title.replace(/^[\s"'“‘(]+/, '');
}

export function isTalkSort(value: string): value is TalkSort {
  return Object.hasOwn(TALK_SORTS, value);
}

/** One choice of a filter, with how many talks have it. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/**
 * The choices of one filter over `items`: each distinct value once, with its
 * count, in the order of first appearance unless `sortBy` says otherwise.
 */
export function facetOptions<T>(
  items: readonly T[],
  valuesOf: (item: T) => readonly { value: string; label: string }[],
  sortBy?: (a: FacetOption, b: FacetOption) => number,
): FacetOption[] {
  const options = new Map<string, FacetOption>();
  for (const item of items) {
    for (const { value, label } of valuesOf(item)) {
      const option = options.get(value);
      if (option) option.count += 1;
      else options.set(value, { value, label, count: 1 });
    }
  }
  const list = [...options.values()];
  return sortBy ? list.sort(sortBy) : list;
}
