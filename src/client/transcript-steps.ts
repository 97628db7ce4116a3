/**
 * Moving through a transcript a step at a time, by turn or by section: from the reading bar's buttons
 * and from the keyboard. A step goes to the next or previous target below or above where a target
 * lands when scrolled to: the top of the window, under what keeps to it there (the reading bar, a
 * speaker's name), as the target's `scroll-margin-top` says.
 */

/** The sections of the contents, in reading order: chapters, or the places a transcript changes subject. */
export function sectionTargets(): HTMLElement[] {
  const links = document.querySelectorAll<HTMLAnchorElement>('.toc ol a[href^="#"]');
  const targets = [...links].flatMap((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))) ?? []);
  if (targets.length > 0) return targets;
  return [...document.querySelectorAll<HTMLElement>('.transcript h2[id], .transcript h3[id]')];
}

/** Every turn of the transcript (every paragraph, in a text without turns). */
export function turnTargets(): HTMLElement[] {
  const turns = [...document.querySelectorAll<HTMLElement>('.transcript .turn')];
  return turns.length > 0 ? turns : [...document.querySelectorAll<HTMLElement>('.transcript .passage')];
}

/** Where a smooth scroll started by a step is heading, until it ends: a second press goes on from there. */
let heading: HTMLElement | undefined;

/** Scrolls the next (1) or previous (-1) target to the reading line; returns it, or undefined at an end. */
export function stepTo(targets: readonly HTMLElement[], direction: 1 | -1): HTMLElement | undefined {
  const offset = (element: HTMLElement) => element.getBoundingClientRect().top - pixels(getComputedStyle(element).scrollMarginTop);
  const from = heading ? targets.indexOf(heading) : -1;
  const target =
    from >= 0
      ? targets[from + direction]
      : direction === 1
        ? targets.find((element) => offset(element) > 2)
        : targets.findLast((element) => offset(element) < -2);
  if (!target) return undefined;
  heading = target;
  addEventListener('scrollend', () => (heading = undefined), { once: true });
  target.scrollIntoView({ block: 'start' });
  // A target already in place scrolls nowhere, and no scroll ends.
  if (Math.abs(offset(target)) <= 2) heading = undefined;
  return target;
}

function pixels(length: string): number {
  const value = parseFloat(length);
  return Number.isFinite(value) ? value : 0;
}
