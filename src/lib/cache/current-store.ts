import { globalSlot } from '../global-slot.ts';
import type { DerivedStore } from './derived-store.ts';

/**
 * The derived-facts store of the build in progress, set by the build-cache integration when the build
 * starts and read by the pages' data modules. They run in module graphs of their own (the config's,
 * the pages' bundle), so the store is kept in a global slot (global-slot.ts). Without
 * one (unit tests, the development server) facts are worked out each time.
 */
const store = globalSlot<DerivedStore>('derived-store');

export function useDerivedStore(current: DerivedStore | undefined): void {
  store.set(current);
}

export function derivedStore(): DerivedStore | undefined {
  return store.get();
}
