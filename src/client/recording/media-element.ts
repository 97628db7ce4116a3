import type { PlayerEvents, PlayerSource } from './player-source.ts';

/**
 * An audio or video file played by the browser's own element, with its own controls. Setting the
 * time before the file's metadata has arrived is kept for when it has.
 */
export function mediaElement(frame: HTMLElement, kind: 'audio' | 'video', src: string, title: string, events: PlayerEvents): PlayerSource {
  let media: HTMLMediaElement | undefined;
  const load = () => {
    const element = document.createElement(kind);
    element.controls = true;
    element.preload = 'auto';
    element.setAttribute('playsinline', '');
    element.setAttribute('aria-label', `Recording: ${title}`);
    element.src = src;
    element.addEventListener('timeupdate', () => events.onTime(element.currentTime));
    element.addEventListener('play', () => events.onState(true));
    element.addEventListener('pause', () => events.onState(false));
    element.addEventListener('ended', () => events.onState(false));
    frame.replaceChildren(element);
    media = element;
    return element;
  };
  const play = (element: HTMLMediaElement) => {
    // A browser may refuse to play without a gesture it counts; the element's own controls remain.
    element.play().catch(() => events.onState(false));
  };
  return {
    playFrom(seconds) {
      const element = media ?? load();
      if (element.readyState >= HTMLMediaElement.HAVE_METADATA) element.currentTime = seconds;
      else element.addEventListener('loadedmetadata', () => (element.currentTime = seconds), { once: true });
      play(element);
      events.onTime(seconds);
    },
    play: () => media && play(media),
    pause: () => media?.pause(),
  };
}
