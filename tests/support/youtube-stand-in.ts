import type { BrowserContext } from 'playwright-core';

export const EMBED_ORIGIN = 'https://www.youtube-nocookie.com';

/**
 * What a YouTube embed does that the page relies on, answered locally (there is no network here):
 * it plays from its `start` parameter, hears `listening` and `command` messages as YouTube's IFrame
 * API script sends them, and reports its time and state back to the page in `infoDelivery`
 * messages. It keeps every message it receives in `window.received` for the test to read, and
 * counts its own time on while "playing".
 */
const STAND_IN = `<!doctype html><title>Embed stand-in</title><body style="background:#000;color:#fff">stand-in<script>
const params = new URLSearchParams(location.search);
const origin = params.get('origin') || '*';
let time = Number(params.get('start') || 0);
let state = params.get('autoplay') === '1' ? 1 : 5;
let listening = false;
window.received = [];
const tell = (message) => parent.postMessage(JSON.stringify(message), origin);
const deliver = (event) => tell({ event, id: 1, channel: 'widget', info: { currentTime: time, playerState: state } });
addEventListener('message', (event) => {
  const data = JSON.parse(event.data);
  window.received.push({ ...data, from: event.origin });
  if (data.event === 'listening' && !listening) { listening = true; deliver('initialDelivery'); tell({ event: 'onReady', id: 1, channel: 'widget' }); }
  if (data.event === 'command') {
    if (data.func === 'seekTo') time = data.args[0];
    if (data.func === 'playVideo') state = 1;
    if (data.func === 'pauseVideo') state = 2;
    if (data.func === 'playVideo' || data.func === 'pauseVideo') tell({ event: 'onStateChange', id: 1, channel: 'widget', info: state });
    deliver('infoDelivery');
  }
});
setInterval(() => { if (state === 1) time += 0.25; if (listening) deliver('infoDelivery'); }, 250);
</script></body>`;

/** Answers every request for YouTube's embed with the stand-in; returns the embed URLs requested. */
export async function standInForYouTube(context: BrowserContext): Promise<string[]> {
  const requested: string[] = [];
  await context.route(`${EMBED_ORIGIN}/embed/**`, (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: STAND_IN });
  });
  return requested;
}
