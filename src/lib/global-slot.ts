/**
 * A value that the copies of a module in a build's separate module graphs (the Astro config's, the
 * pages' bundle) share: kept on the global object under a registered symbol, which every copy finds
 * by its name.
 */
export interface GlobalSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
}

export function globalSlot<T>(name: string): GlobalSlot<T> {
  const key = Symbol.for(`alignment-talk-archive.${name}`);
  const global = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return {
    get: () => global[key],
    set: (value) => {
      global[key] = value;
    },
  };
}
