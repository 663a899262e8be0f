import { describe, expect, it } from 'vitest';
import { addUser, type Principal, principalCache, revokeUser } from '../src/users';
import { MemoryStore } from './memory-store';

/** A store that counts its token look-ups, and a clock the test moves by hand. */
async function setUp(ttlMs: number, maxEntries?: number) {
  const store = new MemoryStore();
  let reads = 0;
  const counted = {
    principalOfToken: (hash: string) => {
      reads++;
      return store.principalOfToken(hash);
    },
  };
  let now = 1000;
  const cache = principalCache(counted, { ttlMs, nowMs: () => now, ...(maxEntries ? { maxEntries } : {}) });
  const user = async (name: string) => {
    const r = await addUser(store, { name, role: 'erp' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  return {
    store,
    cache,
    user,
    reads: () => reads,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the principal cache', () => {
  it('reads a live token once per TTL, and answers as the store does', async () => {
    const t = await setUp(5000);
    const anna = await t.user('anna');
    const want: Principal = { user: 'anna', role: 'erp', tokenId: anna.tokenId };
    expect(await t.cache.authenticate(anna.token)).toEqual(want);
    expect(await t.cache.authenticate(anna.token)).toEqual(want);
    t.advance(4999);
    expect(await t.cache.authenticate(anna.token)).toEqual(want);
    expect(t.reads()).toBe(1);
    t.advance(1);
    expect(await t.cache.authenticate(anna.token)).toEqual(want);
    expect(t.reads()).toBe(2);
  });

  it('stops a token revoked elsewhere within the TTL, and one revoked through this process at once', async () => {
    const t = await setUp(5000);
    const anna = await t.user('anna');
    const ben = await t.user('ben');
    expect(await t.cache.authenticate(anna.token)).toMatchObject({ user: 'anna' });
    expect(await t.cache.authenticate(ben.token)).toMatchObject({ user: 'ben' });
    // Revoked by another process (the CLI): still trusted until the TTL runs out, never after.
    expect((await revokeUser(t.store, 'anna')).ok).toBe(true);
    t.advance(2000);
    expect(await t.cache.authenticate(anna.token)).toMatchObject({ user: 'anna' });
    t.advance(3000);
    expect(await t.cache.authenticate(anna.token)).toBeUndefined();
    // Revoked through this process: `clear` after the revocation, and the next request reads the store.
    expect((await revokeUser(t.store, 'ben')).ok).toBe(true);
    t.cache.clear();
    expect(await t.cache.authenticate(ben.token)).toBeUndefined();
  });

  it('does not remember unknown or revoked tokens, nor read the store for a malformed one', async () => {
    const t = await setUp(5000);
    const anna = await t.user('anna');
    const unknown = `cr_${'A'.repeat(43)}`;
    expect(await t.cache.authenticate(unknown)).toBeUndefined();
    expect(await t.cache.authenticate(unknown)).toBeUndefined();
    expect(t.reads()).toBe(2);
    expect(await t.cache.authenticate('not-a-token')).toBeUndefined();
    expect(t.reads()).toBe(2);
    expect((await revokeUser(t.store, 'anna')).ok).toBe(true);
    expect(await t.cache.authenticate(anna.token)).toBeUndefined();
    expect(await t.cache.authenticate(anna.token)).toBeUndefined();
    expect(t.reads()).toBe(4);
  });

  it('shares one read among concurrent requests, and drops a read that a revocation overtook', async () => {
    const t = await setUp(5000);
    const anna = await t.user('anna');
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.cache.authenticate(anna.token)));
    expect([a, b, c].map((p) => p?.user)).toEqual(['anna', 'anna', 'anna']);
    expect(t.reads()).toBe(1);
    // A read in flight when the revocation is made through this process is not remembered.
    t.advance(5000);
    const inFlight = t.cache.authenticate(anna.token);
    expect((await revokeUser(t.store, 'anna')).ok).toBe(true);
    t.cache.clear();
    await inFlight;
    expect(await t.cache.authenticate(anna.token)).toBeUndefined();
  });

  it('keeps at most maxEntries tokens, and with a TTL of 0 reads the store every time', async () => {
    const t = await setUp(5000, 2);
    const users = [await t.user('a'), await t.user('b'), await t.user('c')];
    for (const u of users) await t.cache.authenticate(u.token);
    expect(t.reads()).toBe(3);
    await t.cache.authenticate(users[2]?.token ?? '');
    await t.cache.authenticate(users[1]?.token ?? '');
    expect(t.reads()).toBe(3);
    await t.cache.authenticate(users[0]?.token ?? '');
    expect(t.reads()).toBe(4);

    const none = await setUp(0);
    const anna = await none.user('anna');
    await none.cache.authenticate(anna.token);
    await none.cache.authenticate(anna.token);
    expect(none.reads()).toBe(2);
  });
});
