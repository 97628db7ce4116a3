import { escapeHtml } from '../../lib/html.ts';
import { passageHref, type PassageView, type ResultView } from '../../lib/search/page-results.ts';
import type { FilterCounts } from '../pagefind-types.ts';
import { FACET_LABELS, FACETS } from '../../lib/facets.ts';
import type { SearchState } from '../../lib/search/search-state.ts';

/**
 * Pagefind's excerpts are the record's text with matches in <mark>. Escape
 * everything else, so transcript text can never become markup here.
 */
export function safeExcerpt(excerpt: string): string {
  return escapeHtml(
    excerpt
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  )
    .replace(/&lt;mark&gt;/g, '<mark>')
    .replace(/&lt;\/mark&gt;/g, '</mark>');
}

function renderPassage(passage: PassageView, terms: readonly string[]): string {
  const label = passage.speaker ?? passage.heading;
  const who = label ? `<span class="result-speaker">${passage.heading ? 'Section: ' : ''}${escapeHtml(label)}</span>` : '';
  return `<li><a class="result-link" href="${escapeHtml(passageHref(passage.url, terms))}">${who}<span class="result-excerpt">${safeExcerpt(passage.excerpt)}</span></a></li>`;
}

/**
 * One result: a talk with its best passages, or a speaker, topic or event page. The talk's other matching
 * passages wait, hidden, behind a button that opens them in place (search-page.ts); `key` makes its id.
 */
export function renderResult(result: ResultView, terms: readonly string[], key: number): string {
  const facts = result.facts.map(escapeHtml);
  const passages = result.passages.map((passage) => renderPassage(passage, terms)).join('');
  const extra = result.morePassages.length;
  const more =
    extra > 0
      ? `<button type="button" class="result-more" aria-expanded="false" aria-controls="more-${key}">${extra} more matching passage${extra === 1 ? '' : 's'} in this ${result.url.includes('/talks/') ? 'talk' : 'page'}</button>` +
        `<ul class="result-passages" id="more-${key}" hidden>${result.morePassages.map((passage) => renderPassage(passage, terms)).join('')}</ul>`
      : '';
  return (
    `<li class="result"><h2 class="result-title"><a class="result-link" href="${escapeHtml(passageHref(result.url, terms))}">${escapeHtml(result.title)}</a></h2>` +
    `<p class="meta">${facts.join(' · ')}</p>` +
    (result.excerpt ? `<p class="result-excerpt">${safeExcerpt(result.excerpt)}</p>` : '') +
    (passages ? `<ul class="result-passages">${passages}</ul>` : '') +
    more +
    `</li>`
  );
}

/**
 * Filter checkboxes with counts; chosen values stay listed even when a narrower search gives them none.
 * On a wide screen every group is open (a long list scrolls in its box); on a phone a group of more than
 * six values starts folded, inside the folded filters panel.
 */
export function renderFilters(counts: FilterCounts, state: SearchState, wide: boolean): string {
  return FACETS.map((key) => {
    const values = counts[key] ?? {};
    const chosen = new Set(state.filters[key] ?? []);
    const entries = Object.entries(values).filter(([value, count]) => count > 0 || chosen.has(value));
    // Values come from the address: `in` would find "constructor" among an object's inherited keys.
    for (const value of chosen) if (!Object.hasOwn(values, value)) entries.push([value, 0]);
    if (entries.length === 0) return '';
    entries.sort(([a, countA], [b, countB]) => (key === 'year' ? b.localeCompare(a) : countB - countA || a.localeCompare(b)));
    const options = entries
      .map(([value, count]) => {
        const checked = chosen.has(value) ? ' checked' : '';
        return `<li><label><input type="checkbox" name="${key}" value="${escapeHtml(value)}"${checked}> ${escapeHtml(value)} <span class="count">(${count})</span></label></li>`;
      })
      .join('');
    const open = wide || chosen.size > 0 || entries.length <= 6 ? ' open' : '';
    return `<details class="filter" data-filter="${key}"${open}><summary>${FACET_LABELS[key]}${chosen.size > 0 ? ` (${chosen.size})` : ''}</summary><fieldset><legend class="visually-hidden">${FACET_LABELS[key]}</legend><ul>${options}</ul></fieldset></details>`;
  }).join('');
}
