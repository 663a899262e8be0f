import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness';

// `credence demo --serve` (issue 13): one command from a fresh clone to the demo portfolio in the browser. It
// builds the demo, makes its users, prints a sign-in link each and serves the API and the web workspace.
const tmp = tempDir('demo-serve');
afterAll(() => tmp.cleanup());
const BIN = join(import.meta.dirname, '..', 'bin', 'credence.js');

describe('credence demo --serve', () => {
  it('serves the demo it built, with sign-in links for its users, until SIGTERM', async () => {
    const dir = join(tmp.dir, 'demo');
    const proc = spawn(
      process.execPath,
      [BIN, 'demo', '--size', 'small', '--as-of', '2026-06-30', '--dir', dir, '--serve', '--port', '0'],
      // DATABASE_URL set on purpose: the demo serves its own embedded database, not that one.
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' } },
    );
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    const links = await new Promise<Map<string, string>>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = new Map(
          [...out.matchAll(/sign in as (demo-\w+) \(\w+\): (http:\/\/\S+)\n?/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
        );
        if (found.size === 3 && out.includes('Stop with Ctrl-C')) resolve(found);
      });
      void exited.then((code) => reject(new Error(`demo --serve exited ${code}: ${out}\n${err}`)));
    });
    try {
      expect(out).toContain('Ten most overdue buyers'); // the demo's reports came first
      const link = new URL(links.get('demo-collector') ?? '');
      const token = /^#token=(cr_[\w-]+)$/.exec(link.hash)?.[1] ?? '';
      const me = await fetch(`${link.origin}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toEqual({ user: 'demo-collector', role: 'collector' });
      const health = (await (await fetch(`${link.origin}/api/v1/health`)).json()) as { store: { kind: string } };
      expect(health.store.kind).toBe('pglite');
      const page = await fetch(`${link.origin}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      // The demo company's settings are served: the collector's worklist is there, not `missing-data`.
      const list = await fetch(`${link.origin}/api/v1/worklist?asOf=2026-06-30`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(list.status).toBe(200);
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 300_000);
});
