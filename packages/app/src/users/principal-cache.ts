import type { UserReads } from './ports';
import type { Principal } from './principal';
import { hashToken, looksLikeToken } from './tokens';

export interface PrincipalCacheOptions {
  /** How long a principal read from the store is trusted, in milliseconds (0: not cached, every request reads). */
  readonly ttlMs: number;
  /** At most this many tokens are remembered (the oldest entry goes first); default 10,000. */
  readonly maxEntries?: number;
  /** A monotonic clock in milliseconds; default `performance.now`. */
  readonly nowMs?: () => number;
}

/** `authenticate` with a memory of the tokens seen in the last `ttlMs` (issue 12: a check is one round trip). */
export interface PrincipalCache {
  /** The principal of a bearer token, or undefined (unknown or revoked, as the store said at most `ttlMs` ago). */
  authenticate(token: string): Promise<Principal | undefined>;
  /** Forgets every principal: called after a revocation made through this process, which then takes effect at once. */
  clear(): void;
}

interface Entry {
  readonly principal: Promise<Principal | undefined>;
  readonly until: number;
}

/**
 * Principals by token hash (SHA-256; the tokens themselves are not kept), each trusted for `ttlMs` after the
 * store answered: a token revoked elsewhere (the CLI, another server process) stops working within `ttlMs`, one
 * revoked through this process at once (`clear`). Only live tokens are remembered — an unknown or revoked token is
 * read from the store each time, so a flood of made-up tokens cannot fill the memory, and concurrent requests with
 * the same token share one read.
 */
export function principalCache(
  store: Pick<UserReads, 'principalOfToken'>,
  options: PrincipalCacheOptions,
): PrincipalCache {
  const { ttlMs, maxEntries = 10_000, nowMs = () => performance.now() } = options;
  const entries = new Map<string, Entry>();
  return {
    authenticate(token) {
      if (!looksLikeToken(token)) return Promise.resolve(undefined);
      const hash = hashToken(token);
      if (ttlMs <= 0) return store.principalOfToken(hash);
      const now = nowMs();
      const hit = entries.get(hash);
      if (hit !== undefined && hit.until > now) return hit.principal;
      if (hit !== undefined) entries.delete(hash);
      const principal = store.principalOfToken(hash);
      const entry: Entry = { principal, until: now + ttlMs };
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(hash, entry);
      const forget = () => {
        if (entries.get(hash) === entry) entries.delete(hash);
      };
      principal.then((p) => {
        if (p === undefined) forget();
      }, forget);
      return principal;
    },
    clear() {
      // A read in flight is dropped with its entry: the next request reads the store again.
      entries.clear();
    },
  };
}
