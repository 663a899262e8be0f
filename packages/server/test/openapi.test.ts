import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/index';
import { openTestServer, type TestServer } from './fixture';

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        'x-roles'?: string[];
        responses: Record<string, { content?: Record<string, unknown> }>;
      }
    >
  >;
}

describe('the OpenAPI document', () => {
  let s: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    s = await openTestServer(false);
    doc = (await (await s.call(undefined, 'GET', '/api/v1/openapi.json')).json()) as Doc;
  }, 120_000);
  afterAll(() => s?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const r = await validate(structuredClone(doc) as never);
    expect(r.valid, JSON.stringify(r)).toBe(true);
  });

  it('lists every route of the table with its method, roles and problem responses', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.map((o) => o.op.operationId).sort()).toEqual(ROUTES.map((r) => r.config.operationId).sort());
    for (const r of ROUTES) {
      const o = ops.find((x) => x.op.operationId === r.config.operationId);
      expect(o?.method).toBe(r.config.method);
      expect(o?.path).toBe(r.config.path);
      if (r.access === 'public') continue;
      expect(o?.op.security).toEqual([{ bearer: [] }]);
      expect(o?.op['x-roles']).toEqual([...r.access]);
      for (const status of ['400', '401', '403', '500'])
        expect(Object.keys(o?.op.responses[status]?.content ?? {}), `${r.config.operationId} ${status}`).toEqual([
          'application/problem+json',
        ]);
    }
  });

  it('has a reference page that names every route', async () => {
    const html = await (await s.call(undefined, 'GET', '/api/v1/docs')).text();
    for (const r of ROUTES) expect(html).toContain(`<code>${r.config.path}</code>`);
    // Markdown code spans of the prose are shown as code, not as back-ticks; markup in it stays escaped.
    expect(html).toContain('<code>Authorization: Bearer TOKEN</code>');
    expect(html).not.toMatch(/`[^`<]+`/);
  });
});
