import { sectionTargets, stepTo, turnTargets } from './transcript-steps.ts';

/** The keys, as on mail and feed readers: j and k a turn, J and K (with Shift) a section. */
const STEPS: Record<string, { targets: () => HTMLElement[]; direction: 1 | -1 }> = {
  j: { targets: turnTargets, direction: 1 },
  k: { targets: turnTargets, direction: -1 },
  J: { targets: sectionTargets, direction: 1 },
  K: { targets: sectionTargets, direction: -1 },
};

/**
 * j/k move to the next or previous turn of a transcript, J/K to the next or previous section, on every
 * screen size; never while the reader types in a field, holds Ctrl, Alt or Cmd (Ctrl-K is the search),
 * or has a dialog open.
 */
export function bindStepKeys(): void {
  document.addEventListener('keydown', (event) => {
    const step = STEPS[event.key];
    if (!step || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.isComposing) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (document.querySelector('dialog[open]')) return;
    if (stepTo(step.targets(), step.direction)) event.preventDefault();
  });
}
