import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiDocument, createServer } from '../src/index';
import { fixedClock, openTestServer, shippedPolicies } from './fixture';

// The web workspace's build served at / beside the API: files with their types, hashed assets cached, and
// index.html for the browser's own routes; /api stays the API's.
const dir = mkdtempSync(join(tmpdir(), 'credence-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Credence</title>');
writeFileSync(join(dir, 'assets', 'index-Bx3kQ9aZ.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'index-Cz7mN2pL.css'), 'body{}');
writeFileSync(join(dir, 'favicon.svg'), '<svg/>');

describe('the web workspace at /', () => {
  it('serves its files, falls back to index.html for app routes, and leaves /api to the API', async () => {
    const s = await openTestServer(false);
    try {
      const app = createServer({ store: s.store, clock: fixedClock, policies: await shippedPolicies(), web: dir });
      const index = await app.request('/');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.headers.get('cache-control')).toBe('no-cache');
      expect(await index.text()).toContain('<title>Credence</title>');
      const js = await app.request('/assets/index-Bx3kQ9aZ.js');
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const css = await app.request('/assets/index-Cz7mN2pL.css');
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect((await app.request('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
      const route = await app.request('/buyers/B00001?asOf=2026-06-30');
      expect([route.status, await route.text()]).toEqual([200, '<!doctype html><title>Credence</title>']);
      expect((await app.request('/assets/gone-12345678.js')).status).toBe(404);
      // A path out of the directory is never a file of it: the app's page.
      expect(await (await app.request('/../package.json')).text()).toContain('<title>Credence</title>');
      expect(await (await app.request('/%2e%2e/%2e%2e/etc/passwd')).text()).toContain('<title>Credence</title>');
      const api = await app.request('/api/v1/nope');
      expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
      expect((await app.request('/api/v1/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('the API document needs no store: the same as GET /api/v1/openapi.json', async () => {
    const s = await openTestServer(false);
    try {
      const served = await (await s.call(undefined, 'GET', '/api/v1/openapi.json')).json();
      expect(JSON.parse(JSON.stringify(apiDocument()))).toEqual(served);
    } finally {
      await s.close();
    }
  });
});
