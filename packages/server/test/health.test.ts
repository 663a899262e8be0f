import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

describe('health, the API document and its reference page', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('reports the store and its migration version without a token', async () => {
    const r = await s.call(undefined, 'GET', '/api/v1/health');
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toEqual({
      status: 'ok',
      store: { kind: 'pglite', migration: expect.stringMatching(/^\d{3}_/) },
      today: '2026-06-30',
    });
  });

  it('serves the OpenAPI 3.1 document and an HTML reference', async () => {
    const doc = (await (await s.call(undefined, 'GET', '/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/health');
    const page = await s.call(undefined, 'GET', '/api/v1/docs');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/health');
  });

  it('answers an unknown path with a problem', async () => {
    const r = await s.call(undefined, 'GET', '/api/v1/nothing');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(((await r.json()) as { type: string }).type).toBe('https://credence.dev/problems/not-found');
  });
});
