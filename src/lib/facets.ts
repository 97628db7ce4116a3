/**
 * What a talk can be found by: its speakers, topics, event, kind and year. The search page filters
 * its results by them (Pagefind's filters, written on each page), and the talks index filters its
 * list; both read the names from here, in the order the search page shows them.
 */
export const FACETS = ['speaker', 'topic', 'event', 'kind', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** Each facet's name as a reader sees it. */
export const FACET_LABELS: Record<Facet, string> = { speaker: 'Speaker', topic: 'Topic', event: 'Event', kind: 'Kind', year: 'Year' };
