import { isPlainText, normalizedWordKey } from './words.ts';

/**
 * cyrb53: a fast 53-bit string hash, public domain (bryc). Not cryptographic;
 * it only has to make distinct passages of one page get distinct ids.
 */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The content key of a passage: its words, lower-cased, so that re-wrapping a
 * line or changing typographic quotes keeps the id while any change of wording
 * gives a new one. Text with no words keys on itself.
 */
function contentKey(text: string): string {
  const key = normalizedWordKey(text);
  return key === '' ? text.trim() : key;
}

/** An id made from content alone, such as `p-1k9x0c2a`. */
export function contentId(prefix: string, text: string): string {
  const hash = isPlainText(text) ? plainTextHash(text) : cyrb53(contentKey(text));
  return `${prefix}-${hash.toString(36).padStart(8, '0').slice(0, 8)}`;
}

/** ' ’ . - ‐ */
const isJoiner = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d || code === 0x2010;
const isAlphanumeric = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * `cyrb53(contentKey(text))` for plain text (see `words`), worked out in one pass: the words are found
 * and fed to the hash as they are read, lower-cased and with typographic apostrophes straightened,
 * instead of building the key string first. Every passage of every transcript is hashed once per
 * build, and building the keys was most of that time.
 */
function plainTextHash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let words = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    let code = text.charCodeAt(index);
    if (!isAlphanumeric(code)) {
      index += 1;
      continue;
    }
    if (words > 0) {
      h1 = Math.imul(h1 ^ 0x20, 2654435761);
      h2 = Math.imul(h2 ^ 0x20, 1597334677);
    }
    words += 1;
    // A word: letters and digits, joined by single apostrophes, dots or hyphens followed by more of them.
    for (;;) {
      while (index < length && isAlphanumeric((code = text.charCodeAt(index)))) {
        if (code >= 0x41 && code <= 0x5a) code += 0x20;
        h1 = Math.imul(h1 ^ code, 2654435761);
        h2 = Math.imul(h2 ^ code, 1597334677);
        index += 1;
      }
      const joiner = text.charCodeAt(index);
      if (!isJoiner(joiner) || !isAlphanumeric(text.charCodeAt(index + 1))) break;
      code = joiner === 0x2019 ? 0x27 : joiner;
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
      index += 1;
    }
  }
  if (words === 0) return cyrb53(text.trim());
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The id `contentId` made before it hashed plain text in one pass; kept to test that the two agree. */
export function contentIdByKey(prefix: string, text: string): string {
  return `${prefix}-${cyrb53(contentKey(text)).toString(36).padStart(8, '0').slice(0, 8)}`;
}

/**
 * Hands out ids that stay unique within one page. Two passages with the same
 * words ("Yeah.") get `-2`, `-3` in reading order: the only case where an edit
 * elsewhere (adding another identical passage earlier) can move an id.
 */
export class IdAllocator {
  readonly #seen = new Map<string, number>();

  take(baseId: string): string {
    const count = (this.#seen.get(baseId) ?? 0) + 1;
    this.#seen.set(baseId, count);
    return count === 1 ? baseId : `${baseId}-${count}`;
  }
}

/** A readable slug for headings: "Make AGI safety mainstream" -> "make-agi-safety-mainstream". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug.slice(0, 60).replace(/-+$/, '');
}
