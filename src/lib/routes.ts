/** Site paths of every page type, in one place so links and routes agree. */
const base = import.meta.env?.BASE_URL ?? '/';

function withBase(path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

export const routes = {
  home: () => withBase('/'),
  talks: () => withBase('/talks/'),
  talk: (id: string) => withBase(`/talks/${id}/`),
  /** A file beside the talk's page, such as its transcript download: `/talks/<id>/transcript.vtt`. */
  talkFile: (id: string, file: string) => withBase(`/talks/${id}/${file}`),
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
