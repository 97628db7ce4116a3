import { addressParameters, boundedParameter, fragmentId } from '../lib/link-parameters.ts';

/** A search's words: a link carries a handful; more is a crafted link, read no further. */
const MAX_HIGHLIGHT = 200;
const MAX_TERMS = 10;
/** Marks made at most: a passage's matches, or the first of a whole transcript's when no passage is named. */
const MAX_MARKS = 200;

/**
 * On a talk page opened from a search result (`?highlight=terms#p-id`),
 * marks the searched words in the target passage and brings it into view.
 * Terms match word beginnings, so "align" marks "alignment" as the search did.
 */
export function highlightFromUrl(): void {
  const highlight = boundedParameter(addressParameters(location.search), 'highlight', MAX_HIGHLIGHT) ?? '';
  const terms = highlight
    .split(/\s+/)
    .filter((term) => term.length > 1)
    .slice(0, MAX_TERMS);
  const id = fragmentId(location.hash);
  const target = id ? document.getElementById(id) : null;
  const scope = target ?? document.querySelector<HTMLElement>('.transcript');
  if (!scope) return;
  if (target) target.classList.add('search-target');
  const first = terms.length > 0 ? markTerms(scope, terms) : undefined;
  (target ?? first)?.scrollIntoView({ block: 'center' });
}

function markTerms(scope: HTMLElement, terms: readonly string[]): HTMLElement | undefined {
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}'’-]*`, 'giu');
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  let first: HTMLElement | undefined;
  let marks = 0;
  for (const node of nodes) {
    if (marks >= MAX_MARKS) break;
    const text = node.data;
    const matches = [...text.matchAll(pattern)].slice(0, MAX_MARKS - marks);
    if (matches.length === 0) continue;
    marks += matches.length;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const match of matches) {
      fragment.append(text.slice(last, match.index));
      const mark = document.createElement('mark');
      mark.textContent = match[0];
      first ??= mark;
      fragment.append(mark);
      last = match.index + match[0].length;
    }
    fragment.append(text.slice(last));
    node.replaceWith(fragment);
  }
  return first;
}
