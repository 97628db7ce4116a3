/** Site paths of every page type, in one place so links and routes agree. */
const base = import.meta.env?.BASE_URL ?? '/';

function withBase(path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

export const routes = {
  home: () => withBase('/'),
  talks: () => withBase('/talks/'),
  talk: (id: string) => withBase(`/talks/${id}/`),
  speakers: () => withBase('/speakers/'),
  speaker: (id: string) => withBase(`/speakers/${id}/`),
  topics: () => withBase('/topics/'),
  topic: (id: string) => withBase(`/topics/${id}/`),
  events: () => withBase('/events/'),
  event: (id: string) => withBase(`/events/${id}/`),
  about: () => withBase('/about/'),
  search: () => withBase('/search/'),
  /** Search for a phrase, as a topic page links to passages about it. */
  searchFor: (query: string) => withBase(`/search/?q=${encodeURIComponent(query)}`),
  feed: () => withBase('/rss.xml'),
  catalogue: () => withBase('/catalogue.json'),
  sitemap: () => withBase('/sitemap-index.xml'),
};
