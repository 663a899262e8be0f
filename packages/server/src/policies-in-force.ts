import { type Store, storedPolicy } from '@credence/app';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Policies } from './deps';

/**
 * The policies served, per store and the files a server started with: read on the first request, again after a
 * change made through the server.
 */
const cache = new WeakMap<Store, WeakMap<Policies, Promise<Policies>>>();

/** `base` (the files the server started with) with each kind's newest version stored through the product. */
async function overlay(store: Store, base: Policies): Promise<Policies> {
  const [grading, limit, check, dunning] = await Promise.all([
    storedPolicy(store, 'grading'),
    storedPolicy(store, 'limit'),
    storedPolicy(store, 'check'),
    storedPolicy(store, 'dunning'),
  ]);
  return {
    ...base,
    grading: grading ? { ...base.grading, policy: grading.policy } : base.grading,
    limits: limit?.policy ?? base.limits,
    check: check?.policy ?? base.check,
    ...(dunning ? { dunning: dunning.policy } : {}),
  };
}

/**
 * Puts the policies in force in the request's `deps`: the newest stored version of each kind, else the file the
 * server started with. Read once per server and store; `policiesChanged` drops it after a `PUT /policies/{kind}`
 * on this server. Another process's change is seen after a restart (docs/ARCHITECTURE.md, "Policies").
 */
export const policiesInForce: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  const byBase = cache.get(deps.store) ?? new WeakMap<Policies, Promise<Policies>>();
  cache.set(deps.store, byBase);
  let p = byBase.get(deps.policies);
  if (p === undefined) {
    const read = overlay(deps.store, deps.policies);
    read.catch(() => byBase.delete(deps.policies)); // a failed read is tried again by the next request
    byBase.set(deps.policies, read);
    p = read;
  }
  c.set('deps', { ...deps, policies: await p });
  await next();
};

export const policiesChanged = (store: Store): void => {
  cache.delete(store);
};
