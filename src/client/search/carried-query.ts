/**
 * A query typed into the header's search box on any page goes on being typed on the search page: the box
 * sends the reader there as soon as typing pauses and keeps what is typed meanwhile in session storage; the
 * search page's box takes it, with the focus, before its scripts load (an inline script in search.astro),
 * and the search page then shows its results (search-page.ts).
 */
export const CARRIED_QUERY_KEY = 'archive:carried-query';
/** How long typing in the header box pauses before the search page opens: short, and long enough that no key falls between the pages. */
export const CARRY_PAUSE_MS = 250;
/** A carried query older than this is a leftover (the reader went elsewhere), not typing in progress. */
const FRESH_MS = 10_000;

/** Keeps the header box's words for the search page; false where storage is off. */
export function carryQuery(value: string): boolean {
  try {
    sessionStorage.setItem(CARRIED_QUERY_KEY, JSON.stringify({ value, at: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

/** Whether the search page was reached by typing in a header box just now; forgets it either way. */
export function takeCarriedQuery(): boolean {
  try {
    const carried = JSON.parse(sessionStorage.getItem(CARRIED_QUERY_KEY) ?? 'null') as { at?: number } | null;
    sessionStorage.removeItem(CARRIED_QUERY_KEY);
    return typeof carried?.at === 'number' && Date.now() - carried.at < FRESH_MS;
  } catch {
    return false;
  }
}
