import type { ContentIssue } from './content-issue.ts';

/**
 * What the development server knows of the content folder as the curator edits it: a revision that
 * moves on with every change the site takes in, and the problems of the content as it is now.
 *
 * The integration that watches the folder, the content loader and the pages each load their own
 * copy of this module (the config's, the content layer's and Vite's SSR module graphs), so the
 * state is kept on the global object under a registered symbol they share. A build never changes it:
 * revision 0, no problems.
 */
export interface LiveContent {
  revision: number;
  issues: readonly ContentIssue[];
  /** Called once the site has taken in a new revision (the development server's search index rebuilds). */
  listeners: Set<() => void>;
}

const STATE = Symbol.for('alignment-talk-archive.live-content');

function state(): LiveContent {
  const global = globalThis as typeof globalThis & { [STATE]?: LiveContent };
  global[STATE] ??= { revision: 0, issues: [], listeners: new Set() };
  return global[STATE];
}

export function liveContent(): Readonly<LiveContent> {
  return state();
}

/** The content changed and was checked: its problems, none when it is valid. */
export function contentChecked(issues: readonly ContentIssue[]): LiveContent {
  const current = state();
  current.issues = issues;
  return current;
}

/** Calls `listener` each time the site has taken in a new revision of the content; returns how to stop. */
export function onContentTakenIn(listener: () => void): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/**
 * The content store holds the content as it is now: a new revision, which the pages read from here
 * on (a page rendered during the refresh still read the one before), and the listeners are told.
 */
export function contentTakenIn(): void {
  state().revision += 1;
  for (const listener of state().listeners) listener();
}
