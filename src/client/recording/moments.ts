/**
 * Moments of the recording in a talk page: when each passage starts playing, and links that carry
 * a moment (`?t=147`). Passages carry their own start in `data-t` (see render-transcript.ts); a
 * passage without one plays from the nearest earlier time, the closest the transcript says.
 */

import { addressParameters } from '../../lib/link-parameters.ts';

/** The longest recording a link may name: a day. Anything beyond is a mistyped or crafted link. */
const LONGEST = 24 * 3600;

/** When a passage (or the first passage of a turn) plays from; undefined where the transcript gives no time before it. */
export function momentOf(element: Element): number | undefined {
  const passage = element.matches('.turn') ? element.querySelector('.passage') : element.closest('.passage');
  if (!passage) return undefined;
  const passages = [...document.querySelectorAll<HTMLElement>('.transcript .passage')];
  for (let index = passages.indexOf(passage as HTMLElement); index >= 0; index -= 1) {
    const time = timeOf(passages[index] as HTMLElement);
    if (time !== undefined) return time;
  }
  return undefined;
}

/** The time a passage carries of its own. */
export function timeOf(passage: HTMLElement): number | undefined {
  const value = passage.dataset['t'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : undefined;
}

/** `147`, `147s` or `2:27` from a link's `t` parameter; undefined when absent or not a moment. */
export function momentParameter(search: string): number | undefined {
  const value = addressParameters(search).get('t')?.slice(0, 16);
  if (!value) return undefined;
  let seconds: number | undefined;
  if (/^\d+s?$/.test(value)) seconds = Number.parseInt(value, 10);
  else if (/^(?:\d{1,2}:)?\d{1,2}:\d{2}$/.test(value)) seconds = value.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return seconds !== undefined && seconds <= LONGEST ? seconds : undefined;
}

/** The link with its moment, `t` first among its parameters. */
export function withMoment(url: string, seconds: number | undefined): string {
  if (seconds === undefined) return url;
  const link = new URL(url);
  const rest = [...link.searchParams].filter(([key]) => key !== 't');
  link.search = '';
  link.searchParams.set('t', String(Math.floor(seconds)));
  for (const [key, value] of rest) link.searchParams.append(key, value);
  return link.toString();
}
