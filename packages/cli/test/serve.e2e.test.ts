import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence serve` as a user starts it: a real process on a free port over a fresh embedded store, called over
// HTTP, then stopped with SIGTERM (it closes the store and exits 0).
const tmp = tempDir('serve');
afterAll(() => tmp.cleanup());
const BIN = join(import.meta.dirname, '..', 'bin', 'credence.js');

describe('credence serve', () => {
  it('serves /api/v1 on a fresh store, refuses a call without a token, and stops cleanly on SIGTERM', async () => {
    const db = join(tmp.dir, 'db');
    const proc = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', CREDENCE_DEV: '1' },
    });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/\S+\/api\/v1)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    try {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; store: { kind: string; migration?: string } };
      expect(body.status).toBe('ok');
      expect(body.store.kind).toBe('pglite');
      expect(body.store.migration).toMatch(/^\d{3}_/);
      const anon = await fetch(`${url}/buyers`);
      expect(anon.status).toBe(401);
      expect(anon.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      proc.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('SIGTERM: stopped');
    // The store was closed (its lock released): another command opens it at once.
    const list = await credence(['buyer', 'list', '--db', db]);
    expect(list.code).toBe(0);
  }, 120_000);

  it('refuses a port that is not one', async () => {
    const r = await credence(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
  });
});
