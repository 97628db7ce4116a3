import { formatClock } from '../../lib/transcript/timestamp.ts';
import { followAlong } from './follow-along.ts';
import { mediaElement } from './media-element.ts';
import type { PlayerEvents } from './player-source.ts';
import { youtubeEmbed } from './youtube-embed.ts';

export interface Player {
  playFrom(seconds: number): void;
  toggle(): void;
  pause(): void;
  /** Follows the transcript again, or stops following it. */
  toggleFollowing(): void;
}

/**
 * The talk's recording, playing in its box: loaded on the first request to play, it marks the
 * passage being spoken and follows it, and the bar at the foot of the window keeps play, pause,
 * the time and following within reach while the reader is far from the box.
 */
export function createPlayer(box: HTMLElement, bar: HTMLElement, transcript: HTMLElement | null): Player {
  const frame = box.querySelector<HTMLElement>('.player-frame') as HTMLElement;
  const main = bar.querySelector<HTMLElement>('.player-bar-label');
  const time = bar.querySelector<HTMLElement>('.player-bar-time');
  const followButton = bar.querySelector<HTMLButtonElement>('.player-bar-follow');
  let playing = false;

  const follow = followAlong(transcript, (following) => {
    if (!followButton) return;
    followButton.setAttribute('aria-pressed', String(following));
    followButton.textContent = following ? 'Following' : 'Follow';
  });
  const events: PlayerEvents = {
    onTime(seconds) {
      if (time) time.textContent = formatClock(seconds);
      follow.at(seconds);
    },
    onState(now) {
      playing = now;
      if (main) main.textContent = now ? 'Pause' : 'Play';
      bar.dataset['playing'] = String(now);
    },
  };
  const { kind = 'youtube', src = '', title = '' } = box.dataset;
  const source = kind === 'youtube' ? youtubeEmbed(frame, src, title, events) : mediaElement(frame, kind === 'video' ? 'video' : 'audio', src, title, events);
  box.dataset['state'] = 'open';

  return {
    playFrom(seconds) {
      bar.hidden = false;
      if (followButton) followButton.hidden = transcript === null;
      follow.resume();
      source.playFrom(seconds);
      events.onState(true);
    },
    toggle() {
      if (playing) source.pause();
      else source.play();
      events.onState(!playing);
    },
    pause() {
      source.pause();
      events.onState(false);
    },
    toggleFollowing: () => (follow.following() ? follow.stop() : follow.follow()),
  };
}
