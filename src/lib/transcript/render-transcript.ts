import { escapeHtml } from '../html.ts';
import { chapterTimes } from './chapter-times.ts';
import type { Heading, ParsedTranscript, Passage, Turn } from './parse-transcript.ts';
import { isoDuration, timestampText, type Timestamp } from './timestamp.ts';

/** How a turn's label shows on the page. */
export interface ResolvedSpeaker {
  slug: string;
  name: string;
  /** Link to the speaker's page; none for the anonymous audience. */
  href?: string;
}

export interface RenderOptions {
  /** Who speaks text outside any turn: an essay's authors. */
  proseVoice?: string;
  /**
   * Where the talk's recording plays from a moment, when it has one. Timestamps then link there
   * (a page script plays the moment in place instead), passages carry their time in `data-t`,
   * and chapter headings show the time they start.
   */
  moment?: (seconds: number) => string;
}

interface Renderer {
  tokens: (tokens: Passage['tokens']) => string;
  moment: RenderOptions['moment'];
}

/**
 * Renders a parsed transcript to HTML. Each turn is a `.turn` element with
 * its stable id, carrying its speaker in `data-speaker` (the speaker's slug,
 * `voice` for a voice the talk declares, `audience` or `unattributed` for an
 * anonymous voice) and `data-speaker-name`. Each passage is a `.passage` wrapper with its stable
 * id and, in `data-pagefind-title`, who speaks it: Pagefind turns every such
 * element into a sub-result, so a search hit lands on its passage and names
 * its speaker. (The id sits on a wrapper rather than on the <p>, because
 * Pagefind stores the text of an identified <p> a second time.) Times and
 * turn labels are not indexed: they are not words of the passage, and would
 * show in its excerpts ("…developing? Yoshua Bengio 0:00."). The passage's
 * speaker is its sub-result's title, and the billed speakers are indexed
 * with the talk's details.
 */
export function renderTranscript(
  parsed: ParsedTranscript,
  resolveSpeaker: (label: string) => ResolvedSpeaker | undefined,
  { proseVoice = '', moment }: RenderOptions = {},
): string {
  const { markdown, env } = parsed;
  const render: Renderer = { tokens: (tokens) => markdown.renderer.render(tokens, markdown.options, env), moment };
  const chapters = moment ? chapterTimes(parsed) : new Map<string, Timestamp>();
  const html: string[] = [];
  for (const block of parsed.blocks) {
    if (block.kind === 'heading') html.push(renderHeading(block, chapters.get(block.id), render));
    else if (block.kind === 'prose') html.push(renderPassage(block.passage, proseVoice, undefined, render));
    else html.push(renderTurn(block, resolveSpeaker(block.label), render));
  }
  if (parsed.footnoteTokens.length > 0) html.push(render.tokens(parsed.footnoteTokens));
  return html.join('');
}

/** A chapter heading, with the time it starts where the recording can play it. */
function renderHeading(heading: Heading, start: Timestamp | undefined, render: Renderer): string {
  const html = render.tokens(heading.tokens);
  if (!start) return html;
  const close = html.lastIndexOf('</h');
  return `${html.slice(0, close)} ${renderTimestamp(start, heading.id, render)}${html.slice(close)}`;
}

function renderTurn(turn: Turn, speaker: ResolvedSpeaker | undefined, render: Renderer): string {
  const name = speaker?.name ?? turn.label;
  const data = speaker ? ` data-speaker="${escapeHtml(speaker.slug)}"` : '';
  const who = speaker?.href
    ? `<a class="turn-speaker" href="${escapeHtml(speaker.href)}">${escapeHtml(name)}</a>`
    : `<span class="turn-speaker">${escapeHtml(name)}</span>`;
  const continued = turn.continued ? ' <span class="turn-continued">(continued)</span>' : '';
  const time = turn.timestamp ? ` ${renderTimestamp(turn.timestamp, turn.id, render)}` : '';
  const passages = turn.passages
    .map((passage, index) => renderPassage(passage, name, turn.timestamp, render, index === 0 ? turn.timestamp : undefined))
    .join('');
  return (
    `<div class="turn" id="${turn.id}"${data} data-speaker-name="${escapeHtml(name)}">` +
    `<p class="turn-label" data-pagefind-ignore>${who}${continued}${time}${permalink(turn.id, 'turn')}</p>${passages}</div>`
  );
}

/**
 * A passage shows its own timestamp only where it differs from its turn's. With a recording it
 * carries the time it starts (its own, or its turn's when it opens the turn) for the player.
 */
function renderPassage(passage: Passage, voice: string, turnTimestamp: Timestamp | undefined, render: Renderer, opening?: Timestamp): string {
  const timed = passage.timestamp && passage.timestamp !== turnTimestamp;
  const time = timed && passage.timestamp ? renderTimestamp(passage.timestamp, passage.id, render) : '';
  const title = voice ? ` data-pagefind-title="${escapeHtml(voice)}"` : '';
  const starts = passage.timestamp ?? opening;
  const at = render.moment && starts ? ` data-t="${starts.seconds}"` : '';
  return `<div class="passage${timed ? ' passage-timed' : ''}" id="${passage.id}"${title}${at}>${time}${withPermalink(render.tokens(passage.tokens), permalink(passage.id, 'passage'))}</div>`;
}

/**
 * The passage's permalink goes inside its last paragraph, at the end of the text: on a phone, where the
 * margin beside the column is too narrow for it, it then sits on the paragraph's last line instead of
 * half off the screen or on a line of its own. (Wide screens still show it in the margin.)
 */
function withPermalink(html: string, link: string): string {
  const close = /<\/p>\s*$/.exec(html);
  return close ? `${html.slice(0, close.index)} ${link}${html.slice(close.index)}` : `${html}${link}`;
}

/** The permanent link of a turn or passage; shown on hover and keyboard focus. */
function permalink(id: string, what: 'turn' | 'passage'): string {
  return `<a class="permalink" href="#${id}" aria-label="Link to this ${what}" data-pagefind-ignore>${what === 'turn' ? '#' : '¶'}</a>`;
}

/**
 * A time in the transcript. With a recording it plays from there: a plain link to the recording at
 * that second, which the page's script turns into playing it in place. Without one it links to its
 * own passage. An estimated time reads "about 2:31", so it is never taken for one the source gives.
 */
function renderTimestamp(timestamp: Timestamp, anchor: string, render: Renderer): string {
  const time = `${timestamp.estimated ? 'about ' : ''}<time datetime="${isoDuration(timestamp.seconds)}">${escapeHtml(timestamp.label)}</time>`;
  const kind = timestamp.estimated ? 'timestamp timestamp-estimated' : 'timestamp';
  if (!render.moment) return `<a class="${kind}" href="#${anchor}" data-pagefind-ignore>${time}</a>`;
  const href = escapeHtml(render.moment(timestamp.seconds));
  return `<a class="${kind}" href="${href}" data-t="${timestamp.seconds}" title="Play from ${escapeHtml(timestampText(timestamp))}" data-pagefind-ignore><span class="visually-hidden">Play from </span>${time}</a>`;
}
