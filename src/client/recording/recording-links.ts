import { formatClock } from '../../lib/transcript/timestamp.ts';
import { momentOf, momentParameter, timeOf } from './moments.ts';
import type { Player } from './player.ts';

/**
 * The part of the recording's script that every talk page with a recording loads: it turns each
 * time on the page (transcript, chapters, contents, the player's facade) into playing from there,
 * and offers the moment a link names (`?t=147`) or the moment a quote link's words were said. The
 * player itself (YouTube's embed or the browser's media element, and following the transcript) is
 * loaded only when the reader first asks to play, so the page requests nothing from another site
 * before then.
 */
export function startRecordingLinks(transcript: HTMLElement | null): void {
  const box = document.querySelector<HTMLElement>('#recording');
  const bar = document.querySelector<HTMLElement>('#player-bar');
  if (!box || !bar) return;
  let player: Promise<Player> | undefined;
  let offered: number | undefined;
  const open = () => {
    player ??= import('./player.ts').then(({ createPlayer }) => createPlayer(box, bar, transcript));
    return player;
  };
  const playFrom = (seconds: number) => void open().then((loaded) => loaded.playFrom(seconds));

  document.addEventListener('click', (event) => {
    // A click that asks for a new tab or window follows the link to the recording itself.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-t]');
    const seconds = link ? Number(link.dataset['t']) : Number.NaN;
    if (!Number.isFinite(seconds)) return;
    event.preventDefault();
    playFrom(seconds);
  });

  bar.addEventListener('click', (event) => {
    const action = (event.target as Element).closest<HTMLButtonElement>('button[data-action]')?.dataset['action'];
    if (action === 'close') {
      bar.hidden = true;
      void player?.then((loaded) => loaded.pause());
    } else if (action === 'play') {
      if (player) void player.then((loaded) => (offered === undefined ? loaded.toggle() : loaded.playFrom(offered)));
      else playFrom(offered ?? Number(box.dataset['start'] ?? 0));
      offered = undefined;
    } else if (action === 'follow') {
      void player?.then((loaded) => loaded.toggleFollowing());
    }
  });

  if (transcript) {
    const landing = landingMoment(transcript);
    if (landing) {
      offered = landing.seconds;
      const label = bar.querySelector<HTMLElement>('.player-bar-label');
      if (label) label.textContent = landing.quote ? `Play this quote (${formatClock(landing.seconds)})` : `Play from ${formatClock(landing.seconds)}`;
      bar.hidden = false;
    }
  }
}

/**
 * The moment a link leads to: the words of a quote link (from the start of the passage they are in,
 * as the page reads now), or a `t` parameter, whose passage is brought into view and marked unless
 * the link names a passage of its own.
 */
function landingMoment(transcript: HTMLElement): { seconds: number; quote: boolean } | undefined {
  const quoted = transcript.querySelector('mark.quote-mark');
  const asked = momentParameter(location.search);
  if (quoted) {
    const seconds = momentOf(quoted) ?? asked;
    return seconds === undefined ? undefined : { seconds, quote: true };
  }
  if (asked === undefined) return undefined;
  if (location.hash === '') {
    const passage = passageAt(transcript, asked);
    passage?.classList.add('moment-target');
    passage?.scrollIntoView({ block: 'center' });
  }
  return { seconds: asked, quote: false };
}

/** The passage being spoken at a moment: the last one that starts at or before it. */
function passageAt(transcript: HTMLElement, seconds: number): HTMLElement | undefined {
  let found: HTMLElement | undefined;
  for (const passage of transcript.querySelectorAll<HTMLElement>('.passage[data-t]')) {
    const start = timeOf(passage);
    if (start !== undefined && start <= seconds) found = passage;
  }
  return found;
}
