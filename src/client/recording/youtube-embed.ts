import type { PlayerEvents, PlayerSource } from './player-source.ts';

const ORIGIN = 'https://www.youtube-nocookie.com';
/** YouTube's player states, as its embed reports them. */
const PLAYING = 1;
const BUFFERING = 3;

/** The embed, once made, and the messages that wait for it to answer. */
interface Embed {
  iframe: HTMLIFrameElement | undefined;
  /** Whether the embed has answered: until it does, messages to it wait in `pending`. */
  heard: boolean;
  pending: string[];
}

/**
 * YouTube's privacy-enhanced embed, driven with the messages its own IFrame API script sends
 * (`listening`, then `command`s such as `seekTo`), so that no script of YouTube's runs in the
 * page. The embed answers with `infoDelivery` messages carrying the current time and state.
 */
export function youtubeEmbed(frame: HTMLElement, src: string, title: string, events: PlayerEvents): PlayerSource {
  const embed: Embed = { iframe: undefined, heard: false, pending: [] };
  window.addEventListener('message', (event) => hear(embed, event, events));
  return {
    playFrom(seconds) {
      if (!embed.iframe) load(embed, frame, src, title, seconds);
      else {
        command(embed, 'seekTo', [seconds, true]);
        command(embed, 'playVideo');
      }
      events.onTime(seconds);
    },
    play: () => command(embed, 'playVideo'),
    pause: () => command(embed, 'pauseVideo'),
  };
}

/** Sends a message to the embed, or keeps it until the embed answers. */
function post(embed: Embed, message: object): void {
  const text = JSON.stringify({ ...message, id: 1, channel: 'widget' });
  if (embed.heard && embed.iframe?.contentWindow) embed.iframe.contentWindow.postMessage(text, ORIGIN);
  else embed.pending.push(text);
}

function command(embed: Embed, func: string, args: unknown[] = []): void {
  post(embed, { event: 'command', func, args });
}

/** A message from the embed: the first sends what waited; each may carry the player's state and time. */
function hear(embed: Embed, event: MessageEvent, events: PlayerEvents): void {
  const { iframe } = embed;
  if (event.origin !== ORIGIN || !iframe || event.source !== iframe.contentWindow || typeof event.data !== 'string') return;
  let data: { event?: string; info?: unknown };
  try {
    data = JSON.parse(event.data) as typeof data;
  } catch {
    return;
  }
  if (!embed.heard) {
    embed.heard = true;
    for (const text of embed.pending.splice(0)) iframe.contentWindow?.postMessage(text, ORIGIN);
  }
  const info = data.info as { currentTime?: unknown; playerState?: unknown } | number | null | undefined;
  if (data.event === 'onStateChange' && typeof info === 'number') events.onState(info === PLAYING || info === BUFFERING);
  if (typeof info !== 'object' || info === null) return;
  if (typeof info.playerState === 'number') events.onState(info.playerState === PLAYING || info.playerState === BUFFERING);
  if (typeof info.currentTime === 'number') events.onTime(info.currentTime);
}

/** Creates the embed at a moment; it starts playing there, the reader having just pressed play. */
function load(embed: Embed, frame: HTMLElement, src: string, title: string, seconds: number): void {
  const iframe = document.createElement('iframe');
  embed.iframe = iframe;
  iframe.title = `Recording: ${title} (YouTube)`;
  iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
  // YouTube refuses to play in an embed that sends no referrer.
  iframe.referrerPolicy = 'strict-origin-when-cross-origin';
  iframe.src = `${src}&autoplay=1&start=${Math.floor(seconds)}&origin=${encodeURIComponent(location.origin)}`;
  iframe.addEventListener('load', () => {
    // Until the embed answers, keep saying we listen, as YouTube's own script does.
    let tries = 0;
    const listen = () => {
      if (embed.heard || tries++ > 40 || !iframe.contentWindow) return;
      iframe.contentWindow.postMessage(JSON.stringify({ event: 'listening', id: 1, channel: 'widget' }), ORIGIN);
      window.setTimeout(listen, 250);
    };
    listen();
    command(embed, 'addEventListener', ['onStateChange']);
  });
  frame.replaceChildren(iframe);
}
