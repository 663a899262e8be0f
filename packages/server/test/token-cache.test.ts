import { revokeUser } from '@credence/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { fixedClock, openTestServer, type TestServer } from './fixture';

// A token's principal is remembered for `tokenCacheMs` (issue 12: a credit check is one round trip, not two).
// The expiry itself is tested with a hand-moved clock in packages/app/test/principal-cache.test.ts.
describe('the token cache of the server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(false);
  });
  afterAll(() => s.close());

  const buyers = (app: TestServer['app'], token: string) =>
    app.request('/api/v1/buyers', { headers: { authorization: `Bearer ${token}` } });

  it('stops a token revoked through the API at once, though the server remembered it', async () => {
    expect((await s.call('sales', 'GET', '/api/v1/buyers')).status).toBe(200);
    expect((await s.call('admin', 'POST', '/api/v1/users/user-sales/revoke')).status).toBe(201);
    const after = await s.call('sales', 'GET', '/api/v1/buyers');
    expect(after.status).toBe(401);
    expect(((await after.json()) as { detail: string }).detail).toBe('the token is unknown or revoked');
  });

  it('sees a revocation made elsewhere (the CLI) only when the remembered principal expires', async () => {
    const token = s.tokens.collector;
    const remembering = createServer({
      store: s.store,
      clock: fixedClock,
      policies: s.policies,
      tokenCacheMs: 3_600_000,
    });
    const reading = createServer({ store: s.store, clock: fixedClock, policies: s.policies, tokenCacheMs: 0 });
    expect((await buyers(remembering, token)).status).toBe(200);
    expect((await buyers(reading, token)).status).toBe(200);
    expect((await revokeUser(s.store, 'user-collector')).ok).toBe(true);
    // Within its time the first server still lets the token in; the one that does not remember stops it.
    expect((await buyers(remembering, token)).status).toBe(200);
    expect((await buyers(reading, token)).status).toBe(401);
  });
});
