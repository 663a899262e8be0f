import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

// The workspace's language is remembered per user (issue 13 item 7): chosen in one browser, it is the
// language of the next sign-in anywhere; each change is a row of the audit trail.
describe('GET /me and PUT /me/language', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer(false);
  });
  afterAll(() => s.close());

  const me = async (as: 'collector' | 'sales') =>
    (await (await s.call(as, 'GET', '/api/v1/me')).json()) as { user: string; role: string; language?: string };

  it('has no language until the user chooses one, then says it, for that user only', async () => {
    expect(await me('collector')).toEqual({ user: 'user-collector', role: 'collector' });
    const put = await s.call('collector', 'PUT', '/api/v1/me/language', { language: 'zh-TW' });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ user: 'user-collector', language: 'zh-TW' });
    expect(await me('collector')).toEqual({ user: 'user-collector', role: 'collector', language: 'zh-TW' });
    expect((await me('sales')).language).toBeUndefined();
    expect((await s.call('collector', 'PUT', '/api/v1/me/language', { language: 'en' })).status).toBe(200);
    expect((await me('collector')).language).toBe('en');
  });

  it('refuses a language the workspace does not have, and keeps the one chosen', async () => {
    expect((await s.call('sales', 'PUT', '/api/v1/me/language', { language: 'zh-CN' })).status).toBe(200);
    const bad = await s.call('sales', 'PUT', '/api/v1/me/language', { language: 'fr' });
    expect(bad.status).toBe(400);
    expect((await me('sales')).language).toBe('zh-CN');
  });

  it('records each change in the audit trail, and nothing when the language stays the same', async () => {
    const trail = async () =>
      (await s.store.auditEntries({ entityKind: 'user', entityId: 'user-sales' })).filter(
        (r) => r.action === 'user_language',
      );
    const before = (await trail()).length;
    expect((await s.call('sales', 'PUT', '/api/v1/me/language', { language: 'zh-CN' })).status).toBe(200);
    expect((await trail()).length).toBe(before);
    expect((await s.call('sales', 'PUT', '/api/v1/me/language', { language: 'en' })).status).toBe(200);
    const after = await trail();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.details).toEqual({ language: 'en' });
  });
});
