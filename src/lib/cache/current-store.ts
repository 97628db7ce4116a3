import type { DerivedStore } from './derived-store.ts';

/**
 * The derived-facts store of the build in progress, set by the build-cache integration when the build
 * starts and read by the pages' data modules. They run in module graphs of their own (the config's,
 * the pages' bundle), so the store is kept on the global object under a registered symbol. Without
 * one (unit tests, the development server) facts are worked out each time.
 */
const STORE = Symbol.for('alignment-talk-archive.derived-store');

type Global = typeof globalThis & { [STORE]?: DerivedStore | undefined };

export function useDerivedStore(store: DerivedStore | undefined): void {
  (globalThis as Global)[STORE] = store;
}

export function derivedStore(): DerivedStore | undefined {
  return (globalThis as Global)[STORE];
}
