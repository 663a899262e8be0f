import { type Store, storedPolicy } from '@credence/app';
import { policiesInForce as insurancePolicies } from '@credence/app/insurance';
import type { MiddlewareHandler } from 'hono';
import { type AppEnv, POLICY_CACHE_MS, type Policies, type ServerDeps } from './deps';

interface Read {
  readonly policies: Promise<Policies>;
  /** `performance.now()` after which the stored versions are read again. */
  readonly until: number;
}

/**
 * The policies served, per store and server (its deps: the files it started with, its `policyCacheMs`): read on the first request, again after a
 * change made through the server, and at most `policyCacheMs` after the last read (another process's change).
 */
const cache = new WeakMap<Store, WeakMap<ServerDeps, Read>>();

/** `base` (the files the server started with) with each kind's newest version stored through the product. */
async function overlay(store: Store, base: Policies): Promise<Policies> {
  const [grading, limit, check, dunning, insurance] = await Promise.all([
    storedPolicy(store, 'grading'),
    storedPolicy(store, 'limit'),
    storedPolicy(store, 'check'),
    storedPolicy(store, 'dunning'),
    insurancePolicies(store),
  ]);
  return {
    ...base,
    grading: grading ? { ...base.grading, policy: grading.policy } : base.grading,
    limits: limit?.policy ?? base.limits,
    check: check?.policy ?? base.check,
    ...(dunning ? { dunning: dunning.policy } : {}),
    insurance,
  };
}

/**
 * Puts the policies in force in the request's `deps`: the newest stored version of each kind, else the file the
 * server started with. Read once per `policyCacheMs` (default 5 s) per server and store, by one request while the
 * others wait for the same read; `policiesChanged` drops it after a `PUT /policies/{kind}` on this server, and
 * another process's change is seen within `policyCacheMs` (docs/ARCHITECTURE.md, "Policies").
 */
export const policiesInForce: MiddlewareHandler<AppEnv> = async (c, next) => {
  const deps = c.var.deps;
  const byBase = cache.get(deps.store) ?? new WeakMap<ServerDeps, Read>();
  cache.set(deps.store, byBase);
  const now = performance.now();
  let r = byBase.get(deps);
  if (r === undefined || now >= r.until) {
    const policies = overlay(deps.store, deps.policies);
    const read: Read = { policies, until: now + (deps.policyCacheMs ?? POLICY_CACHE_MS) };
    // A failed read is tried again by the next request.
    policies.catch(() => {
      if (byBase.get(deps) === read) byBase.delete(deps);
    });
    byBase.set(deps, read);
    r = read;
  }
  c.set('deps', { ...deps, policies: await r.policies });
  await next();
};

export const policiesChanged = (store: Store): void => {
  cache.delete(store);
};
