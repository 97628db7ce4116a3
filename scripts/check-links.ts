/**
 * Checks every internal link of a built site, offline: each href, src, action and srcset of every
 * page, and every URL on the site's own origin in its other files (sitemap, feed, JSON, robots.txt)
 * and in JSON-LD, must lead to a file of the site; a link with a #fragment must find an element
 * with that id in its target page. Links to other sites are not followed (this runs offline).
 *
 * Usage: node scripts/check-links.ts [dist]   (default: $ARCHIVE_DIST_DIR, else dist/)
 * Exit code 0: no broken link; 1: broken links, each with the pages it is on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BrokenLink {
  /** The page or file the link is on, relative to the site's folder. */
  file: string;
  /** The link as written. */
  link: string;
  /** Why it does not work. */
  reason: string;
}

interface Page {
  ids: Set<string>;
  links: string[];
  /** Same-origin URLs in JSON-LD and meta elements: checked for their page, not their fragment. */
  mentions: string[];
}

const LINK_ATTRIBUTES: [selector: string, attribute: string][] = [
  ['a[href], area[href], link[href]', 'href'],
  ['script[src], img[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]', 'src'],
  ['form[action]', 'action'],
  ['button[formaction]', 'formaction'],
  ['video[poster]', 'poster'],
  ['object[data]', 'data'],
];
const TEXT_FILES = new Set(['.xml', '.json', '.txt', '.webmanifest']);
const SKIPPED_SCHEMES = /^(?:mailto|tel|data|blob|about|javascript):/i;

/** All files of the site below `dist`, relative, with forward slashes; Pagefind's own folder left out. */
function siteFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('pagefind/'))
    .sort();
}

/** The address a file is served at: `talks/x/index.html` at `/talks/x/`. */
function addressOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function readPage(html: string): Page {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  const ids = new Set<string>();
  for (const element of root.querySelectorAll('[id]')) ids.add(element.id);
  for (const element of root.querySelectorAll('a[name]')) ids.add(element.getAttribute('name') ?? '');
  const links: string[] = [];
  for (const [selector, attribute] of LINK_ATTRIBUTES) {
    for (const element of root.querySelectorAll(selector)) links.push((element.getAttribute(attribute) ?? '').trim());
  }
  for (const element of root.querySelectorAll('img[srcset], source[srcset]')) {
    for (const candidate of (element.getAttribute('srcset') ?? '').split(',')) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) links.push(url);
    }
  }
  const mentions = [
    ...root.querySelectorAll('meta[content]').map((element: HTMLElement) => element.getAttribute('content') ?? ''),
    ...root.querySelectorAll('script[type="application/ld+json"]').map((element) => element.rawText),
  ];
  return { ids, links, mentions };
}

/** The site's origin, from the canonical link of its pages (canonical and absolute links use it). */
function siteOrigins(pages: Map<string, { html: string }>): Set<string> {
  const origins = new Set<string>();
  for (const { html } of pages.values()) {
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    if (canonical) origins.add(new URL(canonical).origin);
  }
  return origins;
}

/** Checks all links of the site in `dist`; returns each broken link once per file it is on. */
export function checkLinks(dist: string): { files: number; links: number; broken: BrokenLink[] } {
  const files = siteFiles(dist);
  const site = readSite(dist, files);
  const broken: BrokenLink[] = [];
  let checked = 0;
  const check = (file: string, link: string, { fragments }: { fragments: boolean }) => {
    const outcome = checkLink(site, file, link, fragments);
    if (outcome.internal) checked += 1;
    if (outcome.reason !== undefined) broken.push({ file, link, reason: outcome.reason });
  };

  for (const [file, page] of site.pages) {
    for (const link of page.links) check(file, link, { fragments: true });
    // JSON-LD @id values such as .../#talk name things; they are not places in the page.
    for (const text of page.mentions) for (const url of absoluteUrls(text, site.origins)) check(file, url, { fragments: false });
  }
  for (const file of files.filter((path) => TEXT_FILES.has(extname(path)))) {
    const text = readFileSync(join(dist, file), 'utf8').replaceAll('&amp;', '&');
    for (const url of absoluteUrls(text, site.origins)) check(file, url, { fragments: true });
  }
  return { files: files.length, links: checked, broken };
}

/** The site as the checks need it: its files, what each page holds, and the origins its absolute links use. */
interface Site {
  dist: string;
  files: Set<string>;
  pages: Map<string, Page>;
  origins: Set<string>;
}

function readSite(dist: string, files: readonly string[]): Site {
  const htmlText = new Map(files.filter((file) => file.endsWith('.html')).map((file) => [file, { html: readFileSync(join(dist, file), 'utf8') }]));
  const origins = siteOrigins(htmlText);
  const pages = new Map<string, Page>();
  for (const [file, { html }] of htmlText) pages.set(file, readPage(html));
  return { dist, files: new Set(files), pages, origins };
}

/** What checking one link found: whether it leads into the site (and so counts as checked), and why it is broken, if it is. */
interface Outcome {
  internal: boolean;
  reason?: string;
}

/** One link on `file`: a link into the site must find its file and, where `fragments` says, the element its #fragment names. */
function checkLink(site: Site, file: string, link: string, fragments: boolean): Outcome {
  if (link === '' || SKIPPED_SCHEMES.test(link)) return { internal: false };
  const base = new URL(addressOf(file), 'http://site.invalid');
  let url: URL;
  try {
    url = new URL(link, base);
  } catch {
    return { internal: false, reason: 'not a valid URL' };
  }
  const internal = url.origin === base.origin || site.origins.has(url.origin);
  if (!internal) return { internal: false };
  const found = servedFile(site, url.pathname);
  if ('reason' in found) return { internal: true, reason: found.reason };
  const fragment = url.hash.slice(1);
  if (!fragments || fragment === '' || fragment === 'top' || fragment.startsWith(':~:')) return { internal: true };
  return { internal: true, ...missingElement(site, found.file, fragment) };
}

/** The file a path is served from, or why there is none. */
function servedFile({ dist, files }: Site, pathname: string): { file: string } | { reason: string } {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/^\//, '');
  } catch {
    return { reason: 'the address has a malformed %-escape' };
  }
  if (path === '' || path.endsWith('/')) {
    const index = `${path}index.html`;
    return files.has(index) ? { file: index } : { reason: `no page there (no file ${index})` };
  }
  if (files.has(path)) return { file: path };
  if (files.has(`${path}/index.html`)) return { reason: `the page is at ${pathname}/ (with the slash); without it, hosts answer with a redirect or a 404` };
  if (path === 'pagefind' || path.startsWith('pagefind/'))
    return existsSync(join(dist, path)) ? { file: path } : { reason: 'no such file in the search index' };
  return { reason: `no file ${path}` };
}

/** Why a #fragment finds no element in the page `file`, if it does not; nothing for a file that is not a page. */
function missingElement(site: Site, file: string, fragment: string): { reason?: string } {
  const page = site.pages.get(file);
  if (!page) return {};
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    id = fragment;
  }
  return page.ids.has(id) ? {} : { reason: `no element with id="${id}" in ${file}` };
}

/** The absolute URLs on the site's own origins in a text. */
function absoluteUrls(text: string, origins: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const origin of origins) {
    const pattern = new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^\\s"'<>\\\\)]*)?`, 'g');
    found.push(...(text.match(pattern) ?? []));
  }
  return found;
}

/** One line per broken link, with the pages it is on (the first few, and how many). */
export function formatBroken(broken: readonly BrokenLink[]): string[] {
  const byLink = new Map<string, BrokenLink[]>();
  for (const item of broken) {
    const key = `${item.link}\n${item.reason}`;
    byLink.set(key, [...(byLink.get(key) ?? []), item]);
  }
  return [...byLink.values()].map((items) => {
    const first = items[0] as BrokenLink;
    const files = [...new Set(items.map((item) => item.file))];
    const where = files.length === 1 ? first.file : `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more pages` : ''}`;
    return `${where}: ${first.link}: ${first.reason}`;
  });
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? process.env['ARCHIVE_DIST_DIR'] ?? 'dist');
  if (!existsSync(join(dist, 'index.html')) || !statSync(dist).isDirectory()) {
    console.error(`error: ${dist} holds no built site (no index.html); build the site first (npm run build)`);
    process.exit(1);
  }
  const started = performance.now();
  const { files, links, broken } = checkLinks(dist);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = formatBroken(broken);
  for (const line of lines) console.error(line);
  if (broken.length > 0) {
    console.error(`\n${lines.length} broken link(s) in ${relative(process.cwd(), dist) || '.'} (${seconds} s); paths are relative to the site's folder`);
    process.exitCode = 1;
  } else {
    console.log(`${links.toLocaleString('en')} internal links in ${files} files, all found, fragments too (${seconds} s)`);
  }
}
