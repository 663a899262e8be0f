import { randomBytes } from 'node:crypto';
import { openEngine, storeOn } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { fixedClock, openTestServer, shippedPolicies, type TestServer } from './fixture';

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

// The same server on PostgreSQL (DATABASE_URL), in a schema of its own. In CI a missing server fails.
const url = process.env.DATABASE_URL;
describe.runIf(url !== undefined && url !== '' ? true : Boolean(process.env.CI))('health on PostgreSQL', () => {
  it('reports the postgres store and its migration version', async () => {
    if (!url) throw new Error('DATABASE_URL is not set: the PostgreSQL tests must run in CI');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const engine = await openEngine({ databaseUrl: url, schema });
    try {
      const app = createServer({ store: storeOn(engine), clock: fixedClock, policies: await shippedPolicies() });
      const r = await app.request('/api/v1/health');
      expect(await r.json()).toEqual({
        status: 'ok',
        store: { kind: 'postgres', migration: expect.stringMatching(/^\d{3}_/) },
        today: '2026-06-30',
      });
    } finally {
      await engine.db.schema.dropSchema(schema).cascade().execute();
      await engine.close();
    }
  }, 60_000);
});
