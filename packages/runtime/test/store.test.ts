import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DB_DIR, describeStore, openRuntime, openStoreFrom, RuntimeError } from '../src';

const dir = mkdtempSync(join(tmpdir(), 'credence-runtime-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(work: () => Promise<unknown>): Promise<RuntimeError> {
  try {
    await work();
  } catch (e) {
    if (e instanceof RuntimeError) return e;
    throw e;
  }
  throw new Error('no RuntimeError');
}

describe('opening the store', () => {
  it('says where the data lives: a named directory wins over DATABASE_URL', () => {
    expect(describeStore({}, {})).toBe(resolve(DEFAULT_DB_DIR));
    expect(describeStore({}, { DATABASE_URL: 'postgres://x' })).toBe('PostgreSQL (DATABASE_URL)');
    expect(describeStore({ db: dir }, { DATABASE_URL: 'postgres://x' })).toBe(resolve(dir));
  });

  it('refuses a missing embedded database when it may not create one, and creates nothing', async () => {
    const none = join(dir, 'none');
    const e = await failure(() => openStoreFrom({ db: none, env: {}, create: false }));
    expect([e.kind, e.message]).toEqual(['missing', expect.stringContaining(`no database at ${none}`)]);
    expect(existsSync(none)).toBe(false);
  });

  it('reports a PostgreSQL server that is not there as unavailable', async () => {
    const e = await failure(() => openStoreFrom({ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } }));
    expect([e.kind, e.message]).toEqual(['unavailable', expect.stringContaining('at DATABASE_URL')]);
  });

  // creating a PGlite database takes 10–50 s on a loaded machine
  it('opens the runtime on an embedded directory; a second opener finds it busy', { timeout: 240_000 }, async () => {
    const db = join(dir, 'db');
    const rt = await openRuntime({ db, env: { CREDENCE_TODAY: '2026-01-15' }, operator: 'anna' });
    try {
      expect(rt.clock.today()).toBe('2026-01-15');
      expect(rt.company).toBeUndefined();
      expect(rt.policies.check).toBeDefined();
      expect(await rt.store.findBuyers(['B1'])).toEqual([]);
      const e = await failure(() => openStoreFrom({ db, env: {} }));
      expect([e.kind, e.failure?.code]).toEqual(['busy', 'store_locked']);
    } finally {
      await rt.close();
    }
  });
});
