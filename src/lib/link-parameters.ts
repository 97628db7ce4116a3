/**
 * What a page reads from its own address, bounded. Anyone can make a link, so a parameter is capped
 * where it is read (a megabyte-long `?quote=` froze the longest page for 40 s), and a fragment that
 * is not well-formed percent-encoding (`#%E0%A4%A`) is taken as written instead of throwing, which
 * stopped every script after it.
 */

/**
 * Parameters of an address, read from its first 16 KB: the longest link the site makes (a quote of
 * 1,200 characters of non-Latin text with its context, percent-encoded) is under 15 KB, and static
 * hosts commonly refuse longer ones. Parsing a megabyte took each script that read it tens of ms.
 */
export function addressParameters(search: string): URLSearchParams {
  return new URLSearchParams(search.slice(0, MAX_SEARCH));
}

const MAX_SEARCH = 16_384;

/** A parameter's value, at most `max` characters; undefined when absent. */
export function boundedParameter(params: URLSearchParams, name: string, max: number): string | undefined {
  return params.get(name)?.slice(0, max);
}

/** The element id a fragment names: `#p-1k9x0c2a`, or the part before a text directive (`:~:text=…`). */
export function fragmentId(hash: string): string {
  const id = hash.replace(/^#/, '').split(':~:')[0]?.slice(0, MAX_FRAGMENT_ID) ?? '';
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Longer than any id the site makes (`p-` and eight characters, a heading's slug). */
const MAX_FRAGMENT_ID = 200;
