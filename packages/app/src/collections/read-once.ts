import type { Buyer } from '@credence/core';
import type { Store } from '../ports';

/** The portfolio-wide reads several steps of one worklist make with the same arguments. */
const SHARED = [
  'lettersOn',
  'monitoringFacts',
  'collectionEvents',
  'outboxEntries',
  'fxRates',
  'dunnableItems',
  'behaviourSums',
] as const satisfies readonly (keyof Store)[];

/**
 * The store for one computation that only reads (the day's worklist, issue 13): each of the `SHARED` reads is made
 * once per arguments and its result shared by the steps that ask for it again; buyers are read once each
 * (`findBuyers` reads only those not read yet). Nothing is kept beyond the computation: a new one reads afresh, so
 * a write between two lists is always seen. Results are read-only: no step may change what it was given.
 */
export function readingOnce(store: Store): Store {
  const memo = new Map<string, Promise<unknown>>();
  const once =
    (name: (typeof SHARED)[number]) =>
    (...args: unknown[]): Promise<unknown> => {
      const key = `${name}:${JSON.stringify(args)}`;
      const held = memo.get(key);
      if (held !== undefined) return held;
      const read = (store[name] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      memo.set(key, read);
      read.catch(() => memo.delete(key));
      return read;
    };
  const buyers = new Map<string, Promise<Buyer | undefined>>();
  const findBuyers = async (ids: readonly string[]): Promise<Buyer[]> => {
    const missing = [...new Set(ids.filter((id) => !buyers.has(id)))];
    if (missing.length > 0) {
      const read = store.findBuyers(missing).then((found) => new Map(found.map((b) => [b.id, b])));
      for (const id of missing)
        buyers.set(
          id,
          read.then((m) => m.get(id)),
        );
    }
    // As the store answers: each buyer found once, in the order of their ids.
    const found = await Promise.all([...new Set(ids)].map((id) => buyers.get(id)));
    return found.filter((b): b is Buyer => b !== undefined).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const own: Partial<Record<keyof Store, unknown>> = { findBuyers };
  for (const name of SHARED) own[name] = once(name);
  return new Proxy(store, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key in own) return own[key as keyof Store];
      const v = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
