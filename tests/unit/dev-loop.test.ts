import { describe, expect, it } from 'vitest';
import { issuesPage } from '../../src/lib/content/issues-page.ts';
import { contentChecked, contentTakenIn, liveContent, onContentTakenIn } from '../../src/lib/content/live-content.ts';
import { linksIn } from '../../src/lib/search/site-crawl.ts';

describe('the development server’s view of the content', () => {
  it('moves to a new revision only once new content is taken in, and tells its listeners', () => {
    const heard: number[] = [];
    const stop = onContentTakenIn(() => heard.push(liveContent().revision));
    const before = liveContent().revision;
    contentChecked([{ file: 'content/talks/a.md', line: 3, field: 'kind', message: 'bad' }]);
    expect(liveContent()).toMatchObject({ revision: before, issues: [{ field: 'kind' }] });
    contentChecked([]);
    contentTakenIn();
    stop();
    contentTakenIn();
    expect(heard).toEqual([before + 1]);
    expect(liveContent()).toMatchObject({ revision: before + 2, issues: [] });
  });

  it('shows problems as the build prints them, escaped, with the client that reloads the page when they are fixed', () => {
    const html = issuesPage([{ file: 'content/talks/<x>.md', line: 3, field: 'title', message: 'is "<script>"' }]);
    expect(html).toContain('content/talks/&lt;x&gt;.md:3: title: is &quot;&lt;script&gt;&quot;');
    expect(html).not.toContain('<script>"');
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
    expect(html).toContain('has 1 problem</h1>');
  });
});

describe('linksIn', () => {
  it('finds the site’s own pages a page links to, not files, other sites, or fragments alone', () => {
    const html =
      '<a href="/talks/x/">x</a> <a href="/talks/x/?highlight=y#p-1">x</a> <a href="/rss.xml">feed</a> <a href="https://example.org/a/">elsewhere</a> <a href="//cdn.example.org/a/">cdn</a> <a href="#main">skip</a> <link rel="canonical" href="/about/">';
    expect(linksIn(html)).toEqual(['/talks/x/', '/talks/x/', '/about/']);
  });
});
