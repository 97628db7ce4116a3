import { escapeHtml } from '../html.ts';
import type { ParsedTranscript, Passage, Turn } from './parse-transcript.ts';
import { isoDuration, type Timestamp } from './timestamp.ts';

/** How a turn's label shows on the page. */
export interface ResolvedSpeaker {
  slug: string;
  name: string;
  /** Link to the speaker's page; none for the anonymous audience. */
  href?: string;
}

type RenderTokens = (tokens: Passage['tokens']) => string;

/**
 * Renders a parsed transcript to HTML. Each turn is a `.turn` element with
 * its stable id, carrying its speaker in `data-speaker` (slug) and
 * `data-speaker-name`. Each passage is a `.passage` wrapper with its stable
 * id and, in `data-pagefind-title`, who speaks it: Pagefind turns every such
 * element into a sub-result, so a search hit lands on its passage and names
 * its speaker. (The id sits on a wrapper rather than on the <p>, because
 * Pagefind stores the text of an identified <p> a second time.)
 *
 * `proseVoice` names who speaks text outside any turn: an essay's authors.
 */
export function renderTranscript(parsed: ParsedTranscript, resolveSpeaker: (label: string) => ResolvedSpeaker | undefined, proseVoice = ''): string {
  const { markdown, env } = parsed;
  const render: RenderTokens = (tokens) => markdown.renderer.render(tokens, markdown.options, env);
  const html: string[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') html.push(render(block.tokens));
    else if (block.kind === 'prose') html.push(renderPassage(block.passage, proseVoice, undefined, render));
    else html.push(renderTurn(block, resolveSpeaker(block.label), render));
  }
  if (parsed.footnoteTokens.length > 0) html.push(render(parsed.footnoteTokens));
  return html.join('');
}

function renderTurn(turn: Turn, speaker: ResolvedSpeaker | undefined, render: RenderTokens): string {
  const name = speaker?.name ?? turn.label;
  const data = speaker ? ` data-speaker="${escapeHtml(speaker.slug)}"` : '';
  const who = speaker?.href ? `<a class="turn-speaker" href="${escapeHtml(speaker.href)}">${escapeHtml(name)}</a>` : `<span class="turn-speaker">${escapeHtml(name)}</span>`;
  const continued = turn.continued ? ' <span class="turn-continued">(continued)</span>' : '';
  const time = turn.timestamp ? ` ${renderTimestamp(turn.timestamp, turn.id)}` : '';
  const passages = turn.passages.map((passage) => renderPassage(passage, name, turn.timestamp, render)).join('');
  return (
    `<div class="turn" id="${turn.id}"${data} data-speaker-name="${escapeHtml(name)}">` +
    `<p class="turn-label">${who}${continued}${time}${permalink(turn.id, 'turn')}</p>${passages}</div>`
  );
}

/** A passage shows its own timestamp only where it differs from its turn's. */
function renderPassage(passage: Passage, voice: string, turnTimestamp: Timestamp | undefined, render: RenderTokens): string {
  const timed = passage.timestamp && passage.timestamp !== turnTimestamp;
  const time = timed && passage.timestamp ? renderTimestamp(passage.timestamp, passage.id) : '';
  const title = voice ? ` data-pagefind-title="${escapeHtml(voice)}"` : '';
  return `<div class="passage${timed ? ' passage-timed' : ''}" id="${passage.id}"${title}>${time}${render(passage.tokens)}${permalink(passage.id, 'passage')}</div>`;
}

/** The permanent link of a turn or passage; shown on hover and keyboard focus. */
function permalink(id: string, what: 'turn' | 'passage'): string {
  return `<a class="permalink" href="#${id}" aria-label="Link to this ${what}" data-pagefind-ignore>${what === 'turn' ? '#' : '¶'}</a>`;
}

function renderTimestamp(timestamp: Timestamp, anchor: string): string {
  return `<a class="timestamp" href="#${anchor}"><time datetime="${isoDuration(timestamp.seconds)}">${escapeHtml(timestamp.label)}</time></a>`;
}
