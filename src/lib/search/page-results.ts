/** A Pagefind sub-result: one passage (or chapter heading) of a page, at its anchor. */
export interface SubResult {
  /** The passage's speaker (its data-pagefind-title), a heading's text, or the page title. */
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number }[];
  /** Positions in the page's `content` of the words the query matched here. */
  locations?: number[];
}

/** What Pagefind returns for one page hit, reduced to what the results list uses. */
export interface PageHit {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: SubResult[];
  /** The page's indexed text, whose words `locations` count (between spaces). */
  content?: string;
  locations?: number[];
}

export interface PassageView {
  url: string;
  /** Who speaks the passage; absent for a chapter heading. */
  speaker?: string;
  /** The chapter heading's text, for heading hits. */
  heading?: string;
  excerpt: string;
}

/** One result: a talk with its best matching passages, or a speaker, topic or event page. */
export interface ResultView {
  url: string;
  title: string;
  facts: string[];
  /** Excerpt of the page itself, when no passage is shown. */
  excerpt: string | undefined;
  passages: PassageView[];
  /** Matching passages beyond those shown, which open in place on request. */
  morePassages: PassageView[];
}

export const PASSAGES_PER_RESULT = 3;
/** A Map, so that a path segment such as "constructor" names no page type. */
const PAGE_TYPES = new Map([
  ['speakers', 'Speaker'],
  ['topics', 'Topic'],
  ['events', 'Event'],
]);

/**
 * Turns a page hit into a result. With speakers chosen, only passages those
 * speakers say count: the page filter found talks they take part in, and this
 * keeps their own passages, so a speaker filter is true per passage. A talk
 * with no such passage yields no result. Passages are ordered by `rank` (the rare words they hold),
 * then by Pagefind's match weight, and shown with the excerpt `rank` gives, if any.
 */
export function resultView(hit: PageHit, speakers: ReadonlySet<string>, rank?: (sub: SubResult) => { score: number; excerpt: string }): ResultView | undefined {
  const [path = hit.url] = hit.url.split('#');
  const weight = (sub: SubResult) => (sub.weighted_locations ?? []).reduce((sum, location) => sum + location.weight, 0);
  const passages = hit.sub_results
    .filter((sub) => sub.url.includes('#'))
    .map((sub) => {
      const ranked = rank?.(sub);
      return { sub: ranked?.excerpt ? { ...sub, excerpt: ranked.excerpt } : sub, score: ranked?.score ?? 0, weight: weight(sub) };
    })
    .filter(({ sub }) => speakers.size === 0 || (isPassage(sub) && speakers.has(sub.title)))
    .sort((a, b) => b.score - a.score || b.weight - a.weight)
    .map(({ sub }) => passageView(sub));
  if (speakers.size > 0 && passages.length === 0 && path.includes('/talks/')) return undefined;
  const section = path.split('/').filter(Boolean)[0] ?? '';
  const type = PAGE_TYPES.get(section);
  const facts = type ? [type] : [hit.filters['kind'], hit.filters['year'], hit.filters['event']].flatMap((values) => values?.[0] ?? []);
  return {
    url: path,
    title: hit.meta['title'] ?? path,
    facts,
    excerpt: passages.length === 0 ? hit.excerpt : undefined,
    passages: passages.slice(0, PASSAGES_PER_RESULT),
    morePassages: passages.slice(PASSAGES_PER_RESULT),
  };
}

function isPassage(sub: SubResult): boolean {
  return /#p-/.test(sub.url);
}

function passageView(sub: SubResult): PassageView {
  return isPassage(sub) ? { url: sub.url, speaker: sub.title, excerpt: sub.excerpt } : { url: sub.url, heading: sub.title, excerpt: sub.excerpt };
}

/** Where a passage hit leads: the passage itself, with the words to highlight there. */
export function passageHref(url: string, terms: readonly string[]): string {
  const [path, fragment] = url.split('#');
  if (terms.length === 0) return url;
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
