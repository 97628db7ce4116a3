import { normalizedWordKey } from './words.ts';

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
