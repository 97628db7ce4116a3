import { createHash } from 'node:crypto';
import { findInlineCode } from './inline-code.ts';

/**
 * The site's Content-Security-Policy, made from the pages as they are written.
 *
 * Everything the site runs or styles comes from its own origin, except what a page has inline:
 * Astro inlines small bundled scripts, a layout may have a small script in <head> (the theme), and
 * Shiki colours code blocks with style attributes. Rather than allow inline code wholesale
 * ('unsafe-inline'), each page's policy lists the SHA-256 hash of each inline script, style element
 * and style attribute it has, computed from the written HTML, so editing a script can never leave
 * a stale hash behind. Anything inline that was not in the page when it was built (an injected
 * script, an onerror= attribute, a javascript: link) does not run.
 *
 * Search needs two more things: Pagefind compiles WebAssembly ('wasm-unsafe-eval', which allows
 * compiling wasm but not eval of JavaScript) and runs in a web worker loaded from /pagefind/
 * (worker-src 'self').
 *
 * A talk page with a recording may load one thing from another site, once the reader presses play:
 * YouTube's embed (frame-src) or the recording's file (media-src). Only that page's policy names
 * that origin, read from the player's own element in the written page.
 */
export interface InlineHashes {
  /** `'sha256-…'` of each inline script that runs (JSON-LD and other data blocks do not). */
  scripts: Set<string>;
  /** Of each <style> element. */
  styles: Set<string>;
  /** Of each style="…" attribute value; they need 'unsafe-hashes' next to them. */
  styleAttributes: Set<string>;
}

/** Origins a page's recording loads from once the reader plays it. */
export interface PlayerOrigins {
  /** YouTube's embed, in a frame. */
  frames: Set<string>;
  /** An audio or video file's host. */
  media: Set<string>;
}

/** Directives that hold whatever the page's hashes are. */
const FIXED_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * Only an HTTP header can say who may frame the site; browsers ignore frame-ancestors in a <meta>
 * element (and log a warning), so it is in the headers file only.
 */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** Script types a browser runs; any other type (application/ld+json) is data. */
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript']);

/**
 * Hashes already worked out, by text: every talk page carries the same few scripts and the same
 * coloured spans of its citations (a hundred style attributes a page, a dozen distinct in the whole
 * site). Bounded, in case an archive's pages each bring inline code of their own.
 */
const knownHashes = new Map<string, string>();
const KNOWN_HASHES_LIMIT = 10_000;

export function hash(text: string): string {
  let known = knownHashes.get(text);
  if (known === undefined) {
    known = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    if (knownHashes.size >= KNOWN_HASHES_LIMIT) knownHashes.clear();
    knownHashes.set(text, known);
  }
  return known;
}

export function emptyHashes(): InlineHashes {
  return { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
}

/** The hashes of everything inline in one page. */
export function inlineHashes(html: string): InlineHashes {
  const found = emptyHashes();
  const code = findInlineCode(html);
  for (const script of code.scripts) if (SCRIPT_TYPES.has(script.type.trim().toLowerCase())) found.scripts.add(hash(script.text));
  for (const style of code.styles) found.styles.add(hash(style));
  for (const style of code.styleAttributes) found.styleAttributes.add(hash(style));
  return found;
}

export function mergeHashes(into: InlineHashes, from: InlineHashes): InlineHashes {
  for (const key of ['scripts', 'styles', 'styleAttributes'] as const) for (const value of from[key]) into[key].add(value);
  return into;
}

export function emptyPlayerOrigins(): PlayerOrigins {
  return { frames: new Set(), media: new Set() };
}

export function mergePlayerOrigins(into: PlayerOrigins, from: PlayerOrigins): PlayerOrigins {
  for (const key of ['frames', 'media'] as const) for (const value of from[key]) into[key].add(value);
  return into;
}

/** The player's element (see src/components/RecordingPlayer.astro): content cannot write one, its markup being text. */
const PLAYER_ELEMENT = /<section class="player[ "][^>]*>/g;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d+)?$/i;

/** The origins the page's recording player may load from, as its element declares them. */
export function playerOrigins(html: string): PlayerOrigins {
  const found = emptyPlayerOrigins();
  for (const [element] of html.matchAll(PLAYER_ELEMENT)) {
    for (const [key, attribute] of [
      ['frames', 'data-frame-src'],
      ['media', 'data-media-src'],
    ] as const) {
      const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(element)?.[1];
      if (value !== undefined && ORIGIN.test(value)) found[key].add(value);
    }
  }
  return found;
}

/**
 * The policy for pages with these inline hashes, and these origins for a recording's player;
 * `header` adds what only an HTTP header may say.
 */
export function policy(hashes: InlineHashes, { header = false, players = emptyPlayerOrigins() }: { header?: boolean; players?: PlayerOrigins } = {}): string {
  const sorted = (set: Set<string>) => [...set].sort();
  const scriptSrc = ["'self'", "'wasm-unsafe-eval'", ...sorted(hashes.scripts)];
  const styleSrc = ["'self'", ...sorted(hashes.styles), ...(hashes.styleAttributes.size > 0 ? ["'unsafe-hashes'", ...sorted(hashes.styleAttributes)] : [])];
  const playerDirectives = [
    ...(players.frames.size > 0 ? [`frame-src ${sorted(players.frames).join(' ')}`] : []),
    ...(players.media.size > 0 ? [`media-src 'self' ${sorted(players.media).join(' ')}`] : []),
  ];
  return [
    FIXED_DIRECTIVES[0],
    `script-src ${scriptSrc.join(' ')}`,
    `style-src ${styleSrc.join(' ')}`,
    ...FIXED_DIRECTIVES.slice(1),
    ...playerDirectives,
    ...(header ? HEADER_ONLY_DIRECTIVES : []),
  ].join('; ');
}

const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;
const CSP_META_CONTENT = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/**
 * What a page's own policy element allows: the inline hashes and player origins it lists, as
 * `policy` wrote them; undefined when the page has no such element. A page kept from the last
 * build is the page that policy was made from, so reading it back spares reading its inline code.
 */
export function pagePolicy(html: string): { hashes: InlineHashes; players: PlayerOrigins } | undefined {
  const content = CSP_META_CONTENT.exec(html)?.[1];
  if (content === undefined) return undefined;
  const hashes = emptyHashes();
  const players = emptyPlayerOrigins();
  for (const directive of content.replaceAll('&quot;', '"').replaceAll('&amp;', '&').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    const hashed = sources.filter((source) => source.startsWith("'sha256-"));
    if (name === 'script-src') for (const source of hashed) hashes.scripts.add(source);
    if (name === 'style-src') {
      const attributesFrom = sources.indexOf("'unsafe-hashes'");
      for (const source of hashed) (attributesFrom >= 0 && sources.indexOf(source) > attributesFrom ? hashes.styleAttributes : hashes.styles).add(source);
    }
    if (name === 'frame-src') for (const source of sources) players.frames.add(source);
    if (name === 'media-src') for (const source of sources) if (source !== "'self'") players.media.add(source);
  }
  return { hashes, players };
}

/**
 * The page with its policy in a <meta http-equiv> element: right after <meta charset> (which must
 * come first), before anything the policy governs. A policy already there is replaced.
 */
export function withPolicyMeta(html: string, content: string): string {
  const meta = `<meta http-equiv="content-security-policy" content="${content.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
  if (CSP_META.test(html)) return html.replace(CSP_META, meta);
  const charset = /<meta charset=[^>]*>/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + meta + html.slice(charset.index + charset[0].length);
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('the page has no <head> to put a Content-Security-Policy in');
  return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
}

/**
 * A `_headers` file, read by hosts such as Netlify and Cloudflare Pages: the policy for every path,
 * with the hashes and player origins of all pages (each page's own <meta> narrows it to that page's:
 * a browser enforces both, so a page without a player still frames nothing), frame-ancestors, and
 * two headers a <meta> element cannot set.
 */
export function headersFile(allHashes: InlineHashes, allPlayers: PlayerOrigins = emptyPlayerOrigins()): string {
  return [
    '# Written by the build (src/integrations/content-security-policy.ts); edit that, not this file.',
    '/*',
    `  Content-Security-Policy: ${policy(allHashes, { header: true, players: allPlayers })}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
