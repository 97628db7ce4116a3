import { escapeHtml } from '../../lib/html.ts';
import { passageHref, type HitGroup } from '../../lib/search/group-results.ts';
import type { FilterCounts } from '../pagefind-types.ts';
import { FILTER_KEYS, type SearchState } from '../../lib/search/search-state.ts';

const FILTER_LABELS: Record<(typeof FILTER_KEYS)[number], string> = { speaker: 'Speaker', topic: 'Topic', event: 'Event', kind: 'Kind', year: 'Year' };

/**
 * Pagefind's excerpts are the record's text with matches in <mark>. Escape
 * everything else, so transcript text can never become markup here.
 */
export function safeExcerpt(excerpt: string): string {
  return escapeHtml(excerpt.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'))
    .replace(/&lt;mark&gt;/g, '<mark>')
    .replace(/&lt;\/mark&gt;/g, '</mark>');
}

/** One result: a talk with its matching passages, or a speaker, topic or event page. */
export function renderGroup(group: HitGroup, terms: readonly string[]): string {
  const facts = group.facts.map(escapeHtml);
  if (group.passages.length > 1) facts.push(`${group.passages.length} passages`);
  const passages = group.passages
    .map((hit) => {
      const speakers = hit.filters['speaker'] ?? [];
      const who = speakers.length > 0 ? `<span class="result-speaker">${escapeHtml(speakers.join(', '))}</span>` : '';
      return `<li><a class="result-link" href="${escapeHtml(passageHref(hit, terms))}">${who}<span class="result-excerpt">${safeExcerpt(hit.excerpt)}</span></a></li>`;
    })
    .join('');
  const pageExcerpt = group.pageHit && group.passages.length === 0 ? `<p class="result-excerpt">${safeExcerpt(group.pageHit.excerpt)}</p>` : '';
  return (
    `<li class="result"><h2 class="result-title"><a class="result-link" href="${escapeHtml(group.url)}">${escapeHtml(group.title)}</a></h2>` +
    `<p class="meta">${facts.join(' · ')}</p>` +
    pageExcerpt +
    (passages ? `<ul class="result-passages">${passages}</ul>` : '') +
    `</li>`
  );
}

/** Filter checkboxes with counts; chosen values stay listed even when a narrower search gives them none. */
export function renderFilters(counts: FilterCounts, state: SearchState): string {
  return FILTER_KEYS.map((key) => {
    const values = counts[key] ?? {};
    const chosen = new Set(state.filters[key] ?? []);
    const entries = Object.entries(values).filter(([value, count]) => count > 0 || chosen.has(value));
    for (const value of chosen) if (!(value in values)) entries.push([value, 0]);
    if (entries.length === 0) return '';
    entries.sort(([a, countA], [b, countB]) => (key === 'year' ? b.localeCompare(a) : countB - countA || a.localeCompare(b)));
    const options = entries
      .map(([value, count]) => {
        const checked = chosen.has(value) ? ' checked' : '';
        return `<li><label><input type="checkbox" name="${key}" value="${escapeHtml(value)}"${checked}> ${escapeHtml(value)} <span class="count">(${count})</span></label></li>`;
      })
      .join('');
    const open = chosen.size > 0 || entries.length <= 6 ? ' open' : '';
    return `<details class="filter" data-filter="${key}"${open}><summary>${FILTER_LABELS[key]}${chosen.size > 0 ? ` (${chosen.size})` : ''}</summary><fieldset><legend class="visually-hidden">${FILTER_LABELS[key]}</legend><ul>${options}</ul></fieldset></details>`;
  }).join('');
}
