import { randomBytes } from 'node:crypto';
import type { Store } from '@credence/app';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { type Engine, openEngine } from '../src/index';
import { LEDGER_TABLES } from '../src/schema';
import { storeOn } from '../src/store';

/** A store under test plus what the tests need to isolate themselves. */
export interface Harness {
  readonly store: Store;
  readonly engine: Engine;
  /** Empties every table (between property runs). */
  reset(): Promise<void>;
}

export interface Target {
  readonly name: 'pglite' | 'postgres';
  open(): Promise<Harness & { dispose(): Promise<void> }>;
}

async function openTarget(databaseUrl: string | undefined): Promise<Harness & { dispose(): Promise<void> }> {
  const schema = databaseUrl === undefined ? undefined : `t_${randomBytes(6).toString('hex')}`;
  const engine = await openEngine({
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(schema !== undefined ? { schema } : {}),
  });
  return {
    store: storeOn(engine),
    engine,
    async reset() {
      await sql`truncate table ${sql.join(LEDGER_TABLES.map((t) => sql.table(t)))}`.execute(engine.db);
    },
    async dispose() {
      if (schema !== undefined) await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
      await engine.close();
    },
  };
}

/**
 * PGlite (in memory) always; PostgreSQL when DATABASE_URL is set. In CI a missing or unreachable
 * server fails the suite instead of skipping it.
 */
export function targets(): Target[] {
  const url = process.env.DATABASE_URL;
  const list: Target[] = [{ name: 'pglite', open: () => openTarget(undefined) }];
  if (url) list.push({ name: 'postgres', open: () => openTarget(url) });
  else if (process.env.CI) {
    list.push({
      name: 'postgres',
      open: () => Promise.reject(new Error('DATABASE_URL is not set: the PostgreSQL contract suite must run in CI')),
    });
  }
  return list;
}

/**
 * Opens the target once for the enclosing `describe` (a fresh schema on PostgreSQL) and disposes it
 * after. If it cannot be opened, every test that asks for it fails with that error (none is skipped).
 */
export function useTarget(target: Target): () => Harness {
  let h: (Harness & { dispose(): Promise<void> }) | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      h = await target.open();
    } catch (error) {
      failure = error;
    }
  });
  afterAll(async () => {
    await h?.dispose();
  });
  return () => {
    if (failure !== undefined) throw failure;
    if (!h) throw new Error(`${target.name} store is not open`);
    return h;
  };
}
