import type { RouteConfig } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/index';
import { type Example, examples } from './examples';
import { demoFacts, openTestServer, type TestServer } from './fixture';

/** The schema a route declares for a status and media type (default: its first), and the media type. */
function declared(config: RouteConfig, status: number, mediaType?: string) {
  const r = config.responses[status] as
    | {
        content?: Record<
          string,
          { schema: { safeParse(x: unknown): { success: boolean; data?: unknown; error?: unknown } } }
        >;
      }
    | undefined;
  const entries = Object.entries(r?.content ?? {});
  const [type, media] = entries.find(([t]) => t === mediaType) ?? entries[0] ?? [];
  return type === undefined || media === undefined ? undefined : { type, schema: media.schema };
}

describe('contract: every route, its real responses against its declared schemas', () => {
  let s: TestServer;
  let all: Readonly<Record<string, readonly Example[]>>;
  beforeAll(async () => {
    s = await openTestServer();
    all = examples(await demoFacts(s));
  }, 120_000);
  afterAll(() => s?.close());

  it('has a success and an error example for every route, and none for a route that does not exist', () => {
    const ids = ROUTES.map((r) => r.config.operationId);
    expect(Object.keys(all).sort()).toEqual([...ids].sort());
    for (const r of ROUTES) {
      const xs = all[r.config.operationId] ?? [];
      expect(
        xs.some((x) => x.status < 300),
        `${r.config.operationId}: a success`,
      ).toBe(true);
      if (r.access !== 'public')
        expect(
          xs.some((x) => x.status >= 400),
          `${r.config.operationId}: an error`,
        ).toBe(true);
    }
  });

  // In table order: later examples rely on earlier writes (a limit request before its approval).
  it('answers each example with its status, media type and a body matching the declared schema exactly', async () => {
    for (const r of ROUTES) {
      for (const x of all[r.config.operationId] ?? []) {
        const path = x.pathFrom ? await x.pathFrom(s.store) : x.path;
        const label = `${r.config.operationId} — ${x.name}: ${x.method} ${path}`;
        const res = await s.call(x.as, x.method, path, x.body, x.contentType);
        const type = res.headers.get('content-type')?.split(';')[0];
        const d = declared(r.config, res.status, type);
        if (type === 'application/pdf' || type === 'text/html') {
          // A document (a letter): its media type declared for the status, and the bytes of one.
          const bytes = Buffer.from(await res.arrayBuffer());
          expect([res.status, d?.type], label).toEqual([x.status, type]);
          expect(bytes.toString('latin1', 0, 5), label).toBe(type === 'application/pdf' ? '%PDF-' : '<!DOC');
          continue;
        }
        const body: unknown = await res.json();
        expect(res.status, `${label}\n${JSON.stringify(body)}`).toBe(x.status);
        expect(d, `${label}: status ${res.status} is not declared`).toBeDefined();
        expect(type, label).toBe(d?.type);
        const parsed = d?.schema.safeParse(body);
        expect(parsed?.success, `${label}: ${JSON.stringify(parsed?.error)}`).toBe(true);
        // Zod drops keys it does not know: equal after parsing means nothing undeclared was sent.
        expect(parsed?.data, label).toEqual(body);
      }
    }
  });
});
