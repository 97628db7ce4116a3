/** Site paths of every page type, in one place so links and routes agree. */
const base = configuredBase();

/**
 * The site's base path: Vite writes `import.meta.env.BASE_URL` in as text when it builds a module, and
 * under plain Node (the downloads process, scripts) there is no such object, so the base is `/`.
 * The env object is never named on its own in this file, not even in a comment or with `?.`: Astro
 * then copies into the module every environment variable whose name appears in its text (`_`, the
 * command that started the build, appears in any), and a build started another way would find the
 * code changed and render every page again instead of keeping the last build's.
 */
function configuredBase(): string {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return '/';
  }
}

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
