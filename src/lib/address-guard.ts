/**
 * An inline script in every page's <head> that shortens an address longer than any the site makes
 * before the body is read. Chromium resolves each relative link of a page against its address: on
 * the longest transcript, with hundreds of passage and time links, a crafted address of a megabyte
 * cost 5 to 8 seconds before any of the site's scripts ran. The address keeps its first 16 KB of
 * query and of fragment, which hold everything a link the site makes can carry (see
 * src/lib/link-parameters.ts), so the page reads the same parameters as before.
 */
export const ADDRESS_GUARD_SCRIPT = `(function(l,m){if(l.search.length>m||l.hash.length>m)history.replaceState(history.state,"",l.pathname+l.search.slice(0,m)+l.hash.slice(0,m))})(location,16384)`;
