import { randomBytes } from 'node:crypto';
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../src/engine/pglite';
import { openPostgres } from '../src/engine/postgres';
import type { Engine } from '../src/engine/types';
import { migrations } from '../src/migrations';
import { storeOn } from '../src/store';
import { targets } from './harness';

// Migration 010 on a store that already ran dunning: its past runs count as confirmed (no surprise "first run"
// after an upgrade), and its documents as recorded before them; back history imported afterwards is found.
async function open(name: 'pglite' | 'postgres'): Promise<{ engine: Engine; schema: string }> {
  const schema = `u_${randomBytes(6).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  if (name === 'postgres' && !url) throw new Error('DATABASE_URL is not set: the PostgreSQL suite must run in CI');
  const engine =
    name === 'postgres' ? await openPostgres(url as string, schema) : await openPglite(undefined, { schema });
  return { engine, schema };
}

const migrator = (db: Kysely<unknown>, schema: string) =>
  new Migrator({ db, provider: migrations, migrationTableSchema: schema });

const doc = (n: string, due: string) =>
  sql`insert into documents (number, buyer_id, type, issue_date, due_date, amount, currency, idempotency_key, content_hash)
      values (${n}, 'B1', 'invoice', '2025-12-01', ${due}::date, 100000, 'EUR', ${`doc:${n}`}, ${`h:${n}`})`;

describe.each(targets())('migration 010 on $name', (target) => {
  it('counts the runs before it as confirmed, and finds back history imported after it', async () => {
    const { engine, schema } = await open(target.name);
    try {
      const db = engine.db as unknown as Kysely<unknown>;
      const to009 = await migrator(db, schema).migrateTo('009_collections');
      expect(to009.error).toBeUndefined();
      await doc('I-OLD', '2026-01-15').execute(db);
      await sql`insert into dunning_letters (id, buyer_id, as_of, level_id, channel, language, deadline, policy_id, letter)
                values ('L-20260331-B1-friendly', 'B1', '2026-03-31', 'friendly', 'email', 'en', '2026-04-10', 'default', '{}'::jsonb)`.execute(
        db,
      );
      const latest = await migrator(db, schema).migrateToLatest();
      expect(latest.error).toBeUndefined();
      const store = storeOn(engine);
      expect(await store.lastConfirmedRun()).toEqual({ asOf: '2026-03-31' });
      expect(await store.backdatedInvoices()).toEqual([]);
      // Imported after the upgrade: one due before the last run (back history), one due after it (new business).
      await doc('I-BACK', '2026-02-01').execute(db);
      await doc('I-NEW', '2026-04-20').execute(db);
      expect(await store.backdatedInvoices()).toEqual(['I-BACK']);
    } finally {
      if (target.name === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
      await engine.close();
    }
  });
});
