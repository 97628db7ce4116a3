import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHtml, safetyProblems } from '../../scripts/check-html.ts';
import { checkLinks, formatBroken } from '../../scripts/check-links.ts';
import { headersFile, inlineHashes, pagePolicy, playerOrigins, policy, withPolicyMeta } from '../../src/lib/security/hashed-policy.ts';

const made: string[] = [];
const ORIGIN = 'https://talks.example.org';

/** A made-up built site: each page wrapped in a valid document with its policy, as the build writes them. */
function site(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'site-'));
  made.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), path.endsWith('.html') ? document(path, text) : text);
  }
  return folder;
}

function document(path: string, body: string, head = ''): string {
  const address = `/${path.replace(/index\.html$/, '')}`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Page</title><link rel="canonical" href="${ORIGIN}${address}">${head}</head><body>${body}</body></html>`;
  return withPolicyMeta(html, policy(inlineHashes(html)));
}

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('checkLinks', () => {
  it('finds broken pages, files and fragments, and ignores other sites', () => {
    const folder = site({
      'index.html': `<main id="main"><a href="/talks/">talks</a> <a href="talks/#t-1">a turn</a> <a href="#main">skip</a> <a href="#top">top</a>
        <a href="/talks/#p-gone">a lost passage</a> <a href="/talk/">a typo</a> <a href="/talks">no slash</a>
        <a href="${ORIGIN}/speakers/nobody/">an absolute link</a> <a href="https://elsewhere.example.org/x/">elsewhere</a>
        <a href="mailto:someone@example.org">mail</a> <img src="/missing.svg" alt=""></main>`,
      'talks/index.html': '<main><div id="t-1"><p id="p-1">Text</p></div><a href="../#main">home</a> <a href="../feed.xml">feed</a></main>',
      'feed.xml': `<rss><channel><link>${ORIGIN}/</link><item><link>${ORIGIN}/talks/old-talk/</link></item></channel></rss>`,
      'robots.txt': `Sitemap: ${ORIGIN}/sitemap.xml\n`,
    });
    expect(formatBroken(checkLinks(folder).broken)).toEqual([
      'index.html: /talks/#p-gone: no element with id="p-gone" in talks/index.html',
      'index.html: /talk/: no page there (no file talk/index.html)',
      'index.html: /talks: the page is at /talks/ (with the slash); without it, hosts answer with a redirect or a 404',
      `index.html: ${ORIGIN}/speakers/nobody/: no page there (no file speakers/nobody/index.html)`,
      'index.html: /missing.svg: no file missing.svg',
      `feed.xml: ${ORIGIN}/talks/old-talk/: no page there (no file talks/old-talk/index.html)`,
      `robots.txt: ${ORIGIN}/sitemap.xml: no file sitemap.xml`,
    ]);
  });

  it('names the pages a broken link is on once, the first few and how many more', () => {
    const pages = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`${name}/index.html`, '<a href="/gone/">gone</a>']));
    const folder = site({ 'index.html': '<p>home</p>', ...pages });
    expect(formatBroken(checkLinks(folder).broken)).toEqual([
      'a/index.html, b/index.html, c/index.html and 2 more pages: /gone/: no page there (no file gone/index.html)',
    ]);
  });
});

describe('safetyProblems', () => {
  it('passes a page whose policy covers its inline script and styles', () => {
    const html = document(
      'index.html',
      '<pre style="color:#000">x</pre><script type="module">console.log(1)</script><script type="application/ld+json">{"a":1}</script>',
    );
    expect(safetyProblems(html, 'index.html')).toEqual([]);
  });

  it('finds inline handlers, javascript: URLs in any spelling, and inline code the policy does not cover', () => {
    const html = document(
      'index.html',
      '<img src="x.png" alt="" onerror="alert(1)"><a href=" JaVa\tScript:alert(1)">x</a><form action="javascript:alert(1)"></form>',
    );
    const withExtraScript = html.replace('</body>', '<script>alert(2)</script></body>');
    expect(safetyProblems(withExtraScript, 'index.html').map((problem) => problem.rule)).toEqual([
      'csp-hash',
      'inline-handler',
      'javascript-url',
      'javascript-url',
    ]);
  });

  it('wants a recording player’s origin in the page’s policy', () => {
    const player = '<section class="player player-youtube" id="recording" data-frame-src="https://www.youtube-nocookie.com"></section>';
    const html = document('index.html', player);
    expect(safetyProblems(html, 'index.html').map((problem) => problem.message)).toEqual([
      "the recording's player loads from https://www.youtube-nocookie.com, which the page's policy does not allow in frame-src",
    ]);
    const allowed = withPolicyMeta(html, policy(inlineHashes(html), { players: playerOrigins(html) }));
    expect(safetyProblems(allowed, 'index.html')).toEqual([]);
  });

  it('wants the policy in every page, right after <meta charset>', () => {
    expect(safetyProblems('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>', 'a.html').map((problem) => problem.rule)).toEqual([
      'csp-meta',
    ]);
    const late = document('index.html', '').replace(/(<meta http-equiv[^>]*>)(<title>Page<\/title>)/, '$2$1');
    expect(safetyProblems(late, 'a.html').map((problem) => problem.message)).toEqual([
      'the Content-Security-Policy <meta> must come right after <meta charset>, before anything it governs',
    ]);
  });
});

describe('checkHtml', () => {
  it('reports invalid HTML with file, line and rule', async () => {
    const folder = site({ 'index.html': '<main><p id="x">one</p><p id="x">two</p><div><span></div></main>', 'ok/index.html': '<main><p>Fine.</p></main>' });
    const { pages, problems } = await checkHtml(folder);
    expect(pages).toBe(2);
    expect(new Set(problems.map((problem) => `${problem.file.split('/').slice(-1)[0]}:${problem.rule}`))).toEqual(
      new Set(['index.html:no-dup-id', 'index.html:close-order', 'index.html:no-implicit-close']),
    );
    expect(problems.every((problem) => problem.line !== undefined)).toBe(true);
  });
});

describe('the policy', () => {
  // The hashes are those of `printf '%s' 'a()' | openssl dgst -sha256 -binary | base64`, and so on.
  it('allows the site itself, Pagefind’s WebAssembly and worker, and nothing inline but what it hashes', () => {
    const text = policy(inlineHashes('<html><head><script>a()</script><style>p{}</style></head><body><p style="color:red">x</p></body></html>'));
    expect(text).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='; " +
        "style-src 'self' 'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y=' 'unsafe-hashes' 'sha256-8f935d27GvUutRyY9yWScUMiFUk4WTdZURISiYfPOeQ='; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('adds frame-ancestors only in the headers file, which a <meta> cannot carry', () => {
    expect(headersFile(inlineHashes('<p>x</p>'))).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; .*; frame-ancestors 'none'\n/m);
    expect(policy(inlineHashes('<p>x</p>'))).not.toContain('frame-ancestors');
  });

  it('lets a page’s recording player load from its one origin, named by the player’s own element only', () => {
    const youtube = '<section class="player player-youtube" id="recording" data-kind="youtube" data-frame-src="https://www.youtube-nocookie.com">';
    const audio = '<section class="player player-audio" id="recording" data-media-src="https://media.example.org">';
    expect(policy(inlineHashes(youtube), { players: playerOrigins(youtube) })).toMatch(/; form-action 'self'; frame-src https:\/\/www\.youtube-nocookie\.com$/);
    expect(policy(inlineHashes(audio), { players: playerOrigins(audio) })).toMatch(/; media-src 'self' https:\/\/media\.example\.org$/);
    // Text in a transcript is escaped, and an attribute elsewhere names nothing.
    for (const text of [
      '<p>&lt;section class="player" data-frame-src="https://evil.example"&gt;</p>',
      '<div class="player" data-frame-src="https://evil.example">',
      '<section class="player" data-frame-src="javascript:alert(1)">',
    ]) {
      expect(playerOrigins(text)).toEqual({ frames: new Set(), media: new Set() });
    }
    const headers = headersFile(inlineHashes(youtube), playerOrigins(youtube));
    expect(headers).toContain("; frame-src https://www.youtube-nocookie.com; frame-ancestors 'none'");
  });

  it('replaces a policy already in the page instead of adding a second', () => {
    const once = withPolicyMeta('<html><head><meta charset="utf-8"></head></html>', "default-src 'none'");
    expect(withPolicyMeta(once, "default-src 'self'")).toBe(
      `<html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self'"></head></html>`,
    );
  });

  // A page kept from the last build is given its policy again from the hashes its own policy lists.
  it('reads back from a page’s policy exactly the hashes and player origins it was made from', () => {
    const html =
      '<html><head><meta charset="utf-8"><script>a()</script><script type="application/ld+json">{}</script><style>p{}</style></head>' +
      '<body><p style="color:red">x</p><p style="color:blue">y</p><section class="player player-audio" id="recording" data-media-src="https://media.example.org"></section></body></html>';
    const made = { hashes: inlineHashes(html), players: playerOrigins(html) };
    expect(made.hashes.styleAttributes.size).toBe(2);
    expect(pagePolicy(withPolicyMeta(html, policy(made.hashes, { players: made.players })))).toEqual(made);
    const youtube = '<html><head></head><body><section class="player" data-frame-src="https://www.youtube-nocookie.com"></section></body></html>';
    const framed = { hashes: inlineHashes(youtube), players: playerOrigins(youtube) };
    expect(pagePolicy(withPolicyMeta(youtube, policy(framed.hashes, { players: framed.players })))).toEqual(framed);
    expect(pagePolicy(html)).toBeUndefined();
  });
});
