import type { SearchCatalogue } from './search-records.ts';

/** A loaded Pagefind result, reduced to what the results list shows. */
export interface Hit {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** Hits of one talk (or one speaker, topic or event page), in rank order. */
export interface HitGroup {
  /** The talk's or page's URL: groups are keyed by it. */
  url: string;
  title: string;
  /** Kind, date and event of a talk; the page type otherwise. */
  facts: string[];
  /** The hit on the page itself (a talk's title and billing, a speaker's page). */
  pageHit: Hit | undefined;
  /** Hits inside the talk's transcript or text. */
  passages: Hit[];
}

const PAGE_TYPES: Record<string, string> = { speakers: 'Speaker', topics: 'Topic', events: 'Event' };

/**
 * Groups ranked hits under their talk, keeping the rank of each talk's best
 * hit, so many passages of one long transcript read as one result with
 * several passages rather than crowding out every other talk.
 */
export function groupHits(hits: readonly Hit[], catalogue: SearchCatalogue): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const [path = hit.url, fragment] = hit.url.split('#');
    let group = groups.get(path);
    if (!group) {
      group = { url: path, ...describe(path, hit, catalogue), pageHit: undefined, passages: [] };
      groups.set(path, group);
    }
    if (fragment) group.passages.push(hit);
    else group.pageHit ??= hit;
  }
  return [...groups.values()];
}

function describe(path: string, hit: Hit, catalogue: SearchCatalogue): { title: string; facts: string[] } {
  const talk = catalogue[path];
  if (talk) {
    const [title, ...facts] = talk;
    return { title, facts: facts.filter((fact) => fact !== '') };
  }
  const section = path.split('/').filter(Boolean).at(-2) ?? '';
  return { title: hit.meta['title'] ?? path, facts: PAGE_TYPES[section] ? [PAGE_TYPES[section]] : [] };
}

/** Where a passage hit leads: the passage itself, with the words to highlight there. */
export function passageHref(hit: Hit, terms: readonly string[]): string {
  const [path, fragment] = hit.url.split('#');
  if (terms.length === 0) return hit.url;
  const query = new URLSearchParams({ highlight: terms.join(' ') });
  return `${path}?${query.toString()}${fragment ? `#${fragment}` : ''}`;
}

/** The words of a query worth highlighting on the landing page: quotes and operators removed. */
export function highlightTerms(query: string): string[] {
  return query
    .replace(/["“”]/g, ' ')
    .split(/\s+/)
    .map((term) => term.replace(/^[-+]/, '').trim())
    .filter((term) => term.length > 1);
}
