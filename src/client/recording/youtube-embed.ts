import type { PlayerEvents, PlayerSource } from './player-source.ts';

const ORIGIN = 'https://www.youtube-nocookie.com';
/** YouTube's player states, as its embed reports them. */
const PLAYING = 1;
const BUFFERING = 3;

/**
 * YouTube's privacy-enhanced embed, driven with the messages its own IFrame API script sends
 * (`listening`, then `command`s such as `seekTo`), so that no script of YouTube's runs in the
 * page. The embed answers with `infoDelivery` messages carrying the current time and state.
 */
export function youtubeEmbed(frame: HTMLElement, src: string, title: string, events: PlayerEvents): PlayerSource {
  let iframe: HTMLIFrameElement | undefined;
  let heard = false;
  const pending: string[] = [];

  const post = (message: object) => {
    const text = JSON.stringify({ ...message, id: 1, channel: 'widget' });
    if (heard && iframe?.contentWindow) iframe.contentWindow.postMessage(text, ORIGIN);
    else pending.push(text);
  };
  const command = (func: string, args: unknown[] = []) => post({ event: 'command', func, args });

  window.addEventListener('message', (event) => {
    if (event.origin !== ORIGIN || !iframe || event.source !== iframe.contentWindow || typeof event.data !== 'string') return;
    let data: { event?: string; info?: unknown };
    try {
      data = JSON.parse(event.data) as typeof data;
    } catch {
      return;
    }
    if (!heard) {
      heard = true;
      for (const text of pending.splice(0)) iframe.contentWindow?.postMessage(text, ORIGIN);
    }
    const info = data.info as { currentTime?: unknown; playerState?: unknown } | number | null | undefined;
    if (data.event === 'onStateChange' && typeof info === 'number') events.onState(info === PLAYING || info === BUFFERING);
    if (typeof info !== 'object' || info === null) return;
    if (typeof info.playerState === 'number') events.onState(info.playerState === PLAYING || info.playerState === BUFFERING);
    if (typeof info.currentTime === 'number') events.onTime(info.currentTime);
  });

  /** Creates the embed at a moment; it starts playing there, the reader having just pressed play. */
  const load = (seconds: number) => {
    iframe = document.createElement('iframe');
    iframe.title = `Recording: ${title} (YouTube)`;
    iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    // YouTube refuses to play in an embed that sends no referrer.
    iframe.referrerPolicy = 'strict-origin-when-cross-origin';
    iframe.src = `${src}&autoplay=1&start=${Math.floor(seconds)}&origin=${encodeURIComponent(location.origin)}`;
    iframe.addEventListener('load', () => {
      // Until the embed answers, keep saying we listen, as YouTube's own script does.
      let tries = 0;
      const listen = () => {
        if (heard || tries++ > 40 || !iframe?.contentWindow) return;
        iframe.contentWindow.postMessage(JSON.stringify({ event: 'listening', id: 1, channel: 'widget' }), ORIGIN);
        window.setTimeout(listen, 250);
      };
      listen();
      command('addEventListener', ['onStateChange']);
    });
    frame.replaceChildren(iframe);
  };

  return {
    playFrom(seconds) {
      if (!iframe) load(seconds);
      else {
        command('seekTo', [seconds, true]);
        command('playVideo');
      }
      events.onTime(seconds);
    },
    play: () => command('playVideo'),
    pause: () => command('pauseVideo'),
  };
}
