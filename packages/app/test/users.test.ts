import { describe, expect, it } from 'vitest';
import { addUser, authenticate, hashToken, looksLikeToken, newToken, revokeUser } from '../src/users';
import { MemoryStore } from './memory-store';

describe('users and tokens', () => {
  it('makes tokens of 256 random bits with a prefix, and hashes them with SHA-256', () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).toMatch(/^cr_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.id).not.toBe(b.id);
    expect(looksLikeToken(a.token)).toBe(true);
    expect(looksLikeToken(`${a.token}x`)).toBe(false);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('adds a user whose token authenticates it, until revoked', async () => {
    const store = new MemoryStore();
    const r = await addUser(store, { name: 'anna', role: 'collector' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(await authenticate(store, r.value.token)).toEqual({
      user: 'anna',
      role: 'collector',
      tokenId: r.value.tokenId,
    });
    expect(await revokeUser(store, 'anna')).toEqual({ ok: true, value: { user: 'anna', tokens: 1 } });
    expect(await authenticate(store, r.value.token)).toBeUndefined();
    expect(await revokeUser(store, 'anna')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await revokeUser(store, 'ben')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses a bad name, an unknown role and a taken name, writing nothing', async () => {
    const store = new MemoryStore();
    expect(await addUser(store, { name: 'a/b', role: 'sales' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_field', params: { reason: 'path_separator', field: 'name' } },
    });
    expect(await addUser(store, { name: 'x'.repeat(65), role: 'sales' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'too_long', max: 64 } },
    });
    expect(await addUser(store, { name: 'ben', role: 'root' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', params: { reason: 'unknown_role' } },
    });
    expect(store.commits).toBe(0);
    expect((await addUser(store, { name: 'ben', role: 'sales' })).ok).toBe(true);
    expect(await addUser(store, { name: 'ben', role: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', params: { reason: 'user_exists' } },
    });
    expect(await store.listUsers()).toMatchObject([{ name: 'ben', role: 'sales' }]);
  });
});
