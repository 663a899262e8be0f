import type { Store } from '@credence/app';
import { DEFAULT_MIGRATION_TABLE, Migrator, sql } from 'kysely';
import type { Engine } from './engine/types';
import { migrations } from './migrations';
import { type Recorder, storeOn } from './store';

export const DEFAULT_DATA_DIR = './data/credence';

export interface OpenStoreOptions {
  /** PGlite data directory; `memory://` or absent (without `databaseUrl`) for an in-memory database. */
  readonly dir?: string;
  /** A PostgreSQL connection string; when given, `dir` is ignored. */
  readonly databaseUrl?: string;
  /** Schema to create (if missing) and work in; default: the server's search_path (`public`). */
  readonly schema?: string;
  /**
   * Embedded only: milliseconds to wait for another process to close the directory (default 0: fail at
   * once with `StoreLockedError`). PostgreSQL needs no lock: its transactions serialise concurrent writers.
   */
  readonly waitMs?: number;
  /**
   * Embedded only: a brief command (one that reads a little) starts ~0.4 s of CPU faster; bulk loads and long
   * reports run slower with it (engine/pglite.ts).
   */
  readonly brief?: boolean;
  /** Who ledger writes are recorded for (default: the OS user, the system clock). */
  readonly recorder?: Recorder;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the engine and brings its schema up to date. */
export async function openEngine(options: OpenStoreOptions = {}): Promise<Engine> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new RangeError(`invalid schema name ${schema}`);
  // Each engine's driver is loaded only when it is used (a PGlite command does not load pg, nor the reverse).
  const engine =
    options.databaseUrl !== undefined
      ? await (await import('./engine/postgres')).openPostgres(options.databaseUrl, schema)
      : await (await import('./engine/pglite')).openPglite(options.dir, {
          ...(schema !== undefined ? { schema } : {}),
          ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}),
          ...(options.brief !== undefined ? { brief: options.brief } : {}),
        });
  try {
    if (await upToDate(engine, schema ?? 'public')) return engine;
    const migrator = new Migrator({
      db: engine.db,
      provider: migrations,
      migrationTableSchema: schema ?? 'public',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    return engine;
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** PostgreSQL's code for a relation that does not exist. */
const UNDEFINED_TABLE = '42P01';

/**
 * True when the migrations recorded in the database are exactly ours: then there is nothing to migrate, and
 * the Migrator (its lock, its look at the catalog: five queries more) is skipped on every command's start.
 * One query: a database without the migration table (a new one) answers it with an error. Anything else (a new
 * database, a migration to run, one this version does not know) goes to the Migrator.
 */
async function upToDate(engine: Engine, schema: string): Promise<boolean> {
  const table = `${schema}.${DEFAULT_MIGRATION_TABLE}`;
  let recorded: readonly { name: string }[];
  try {
    recorded = (await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(engine.db)).rows;
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === UNDEFINED_TABLE) return false;
    throw e;
  }
  const ours = Object.keys(await migrations.getMigrations());
  const names = new Set(recorded.map((r) => r.name));
  return names.size === ours.length && recorded.length === ours.length && ours.every((n) => names.has(n));
}

/** The ledger store: PostgreSQL when `databaseUrl` is given, otherwise embedded PGlite. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return storeOn(await openEngine(options), options.recorder);
}

export { type LockHolder, StoreLockedError } from './engine/dir-lock';
export type { Conn, Engine } from './engine/types';
export { defaultRecorder, type Recorder, storeOn } from './store';
