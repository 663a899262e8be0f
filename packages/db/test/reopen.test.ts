import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from '../src/index';

// Opening a database that is already up to date is what every command does first, so it skips Kysely's
// Migrator (a lock and a look at the catalog: five queries more). These tests open the same database twice.
interface Reopenable {
  readonly name: string;
  open(): Promise<Engine>;
  /** The schema the store works in (its migration tables are there). */
  readonly schema: string;
  dispose(): Promise<void>;
}

function pgliteDir(): Reopenable {
  let dir: Promise<string> | undefined;
  const path = () => {
    dir ??= mkdtemp(join(tmpdir(), 'credence-reopen-'));
    return dir;
  };
  return {
    name: 'pglite',
    schema: 'public',
    open: async () => openEngine({ dir: join(await path(), 'db') }),
    dispose: async () => {
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}

function postgresSchema(databaseUrl: string): Reopenable {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    schema,
    open: () => openEngine({ databaseUrl, schema }),
    dispose: async () => {
      const e = await openEngine({ databaseUrl });
      try {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(e.db);
      } finally {
        await e.close();
      }
    },
  };
}

const url = process.env.DATABASE_URL;
const targets: Reopenable[] = [pgliteDir(), pgliteDir()];
if (url) targets.push(postgresSchema(url), postgresSchema(url));
else if (process.env.CI) throw new Error('DATABASE_URL is not set: the PostgreSQL contract suite must run in CI');

afterAll(async () => {
  for (const t of targets) await t.dispose();
});

const present = async (e: Engine, schema: string, table: string) =>
  (await sql<{ t: string | null }>`select to_regclass(${`${schema}.${table}`})::text as t`.execute(e.db)).rows[0]?.t !==
  null;

for (const [i, t] of targets.entries()) {
  if (i % 2 === 1) continue;
  const other = targets[i + 1] as Reopenable;

  describe(`reopening a database (${t.name})`, () => {
    it('does not run the migrator again when every migration is recorded', async () => {
      const first = await t.open();
      expect(await present(first, t.schema, 'kysely_migration_lock')).toBe(true);
      // the Migrator would create its lock table again; the check that skips it does not
      await sql`drop table ${sql.table(`${t.schema}.kysely_migration_lock`)}`.execute(first.db);
      await first.close();
      const again = await t.open();
      try {
        expect(await present(again, t.schema, 'kysely_migration_lock')).toBe(false);
        expect(await present(again, t.schema, 'documents')).toBe(true);
      } finally {
        await again.close();
      }
    });

    it('refuses a database with a migration this version does not know (a newer version migrated it)', async () => {
      const first = await other.open();
      await sql`insert into ${sql.table(`${other.schema}.kysely_migration`)} (name, timestamp) values ('999_from_the_future', '2030-01-01')`.execute(
        first.db,
      );
      await first.close();
      await expect(other.open()).rejects.toThrow(/999_from_the_future/);
    });
  });
}
