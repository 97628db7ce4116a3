/**
 * Every HTML page a site links to from its home page, fetched from a running server: the pages of
 * the development server, for its search index. Follows links to the site's own pages (paths that
 * end in a slash), a few at a time. A page that does not answer with HTML is left out.
 */
export async function crawlSite(origin: string, { concurrency = 4, start = '/' } = {}): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const seen = new Set([start]);
  const queue = [start];
  const fetchPage = async (path: string) => {
    const response = await fetch(new URL(path, origin));
    if (!response.ok || !response.headers.get('content-type')?.startsWith('text/html')) return;
    const html = await response.text();
    pages.set(path, html);
    for (const link of linksIn(html)) {
      if (seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  };
  const running = new Set<Promise<void>>();
  while (queue.length > 0 || running.size > 0) {
    while (queue.length > 0 && running.size < concurrency) {
      const job: Promise<void> = fetchPage(queue.shift() as string).finally(() => running.delete(job));
      running.add(job);
    }
    await Promise.race(running);
  }
  return pages;
}

/** Site paths of the pages an HTML page links to: `href="/talks/x/"`, without query or fragment. */
export function linksIn(html: string): string[] {
  const links: string[] = [];
  for (const [, href] of html.matchAll(/\shref="(\/[^"#?]*)[^"]*"/g)) {
    if (href !== undefined && href.endsWith('/') && !href.startsWith('//')) links.push(href);
  }
  return links;
}
