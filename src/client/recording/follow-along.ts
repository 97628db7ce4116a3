import { timeOf } from './moments.ts';

/** A stretch of the transcript that plays as one: a timed passage and the untimed ones after it. */
interface Segment {
  start: number;
  passages: HTMLElement[];
}

/** Keys that scroll the page: pressing one means the reader is reading elsewhere. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export interface FollowAlong {
  /** The recording is at this moment: mark what is said, and bring it into view while following. */
  at(seconds: number): void;
  /** Follow the recording again, and bring what it is saying now into view. */
  follow(): void;
  /** Follow the recording from its next moment on (the reader just chose where it plays from). */
  resume(): void;
  /** Stop following: the page stays where the reader is. */
  stop(): void;
  following(): boolean;
}

/**
 * Marks the passage being spoken as the recording plays, and keeps it in view the way a video
 * site's transcript panel does: the page scrolls along only while the reader has not scrolled away;
 * `follow()` takes them back. A passage the reader can still see is not scrolled to, and nothing
 * moves while they are selecting text to quote.
 */
export function followAlong(transcript: HTMLElement | null, onChange: (following: boolean) => void): FollowAlong {
  const segments = transcript ? segmentsOf(transcript) : [];
  let current: Segment | undefined;
  let following = true;
  let lastTime = 0;

  const setFollowing = (value: boolean) => {
    if (following === value) return;
    following = value;
    onChange(value);
  };
  const stop = () => setFollowing(false);
  window.addEventListener('wheel', stop, { passive: true });
  window.addEventListener('touchmove', stop, { passive: true });
  window.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable], button, audio, video')) return;
    if (SCROLL_KEYS.has(event.key)) stop();
  });

  const show = (segment: Segment) => {
    const first = segment.passages[0] as HTMLElement;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const band = readingBand(first);
    const { top } = first.getBoundingClientRect();
    if (top >= band.top + band.height * 0.05 && top <= band.top + band.height * 0.6) return;
    const distance = top - (band.top + band.height * 0.15);
    // Gliding is for the next passage; a jump across the transcript (a seek) goes there at once.
    const glide = Math.abs(distance) < window.innerHeight * 2 && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: window.scrollY + distance, behavior: glide ? 'smooth' : 'instant' });
  };

  const at = (seconds: number) => {
    lastTime = seconds;
    const segment = segmentAt(segments, seconds);
    if (segment === current) return;
    for (const passage of current?.passages ?? []) passage.classList.remove('is-playing');
    current?.passages[0]?.removeAttribute('aria-current');
    current = segment;
    if (!segment) return;
    for (const passage of segment.passages) passage.classList.add('is-playing');
    segment.passages[0]?.setAttribute('aria-current', 'time');
    if (following) show(segment);
  };

  return {
    at,
    follow() {
      setFollowing(true);
      current = undefined;
      at(lastTime);
    },
    resume: () => setFollowing(true),
    stop,
    following: () => following,
  };
}

/**
 * The part of the window where a passage can be read: below what sticks to the top (the reading bar,
 * a speaker's name: the passage's scroll margin says how much) and above what the page keeps at the
 * foot (the player's bar, and on a phone the picture: the root's scroll padding says how much).
 */
function readingBand(passage: HTMLElement): { top: number; height: number } {
  const top = Number.parseFloat(getComputedStyle(passage).scrollMarginTop) || 0;
  const bottom = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom) || 0;
  return { top, height: Math.max(window.innerHeight - top - bottom, window.innerHeight * 0.25) };
}

function segmentsOf(transcript: HTMLElement): Segment[] {
  const segments: Segment[] = [];
  for (const passage of transcript.querySelectorAll<HTMLElement>('.passage')) {
    const start = timeOf(passage);
    if (start !== undefined) segments.push({ start, passages: [passage] });
    else segments.at(-1)?.passages.push(passage);
  }
  return segments;
}

/** The segment being spoken: the last to start at or before the moment (segments are in reading order). */
function segmentAt(segments: readonly Segment[], seconds: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment.start <= seconds + 0.25) found = segment;
    else if (found) break;
  }
  return found;
}
