import type { Store } from '@credence/app';
import { Migrator } from 'kysely';
import { openPglite } from './engine/pglite';
import { openPostgres } from './engine/postgres';
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
  /** Who ledger writes are recorded for (default: the OS user, the system clock). */
  readonly recorder?: Recorder;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens the engine and brings its schema up to date. */
export async function openEngine(options: OpenStoreOptions = {}): Promise<Engine> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new RangeError(`invalid schema name ${schema}`);
  const engine =
    options.databaseUrl !== undefined
      ? await openPostgres(options.databaseUrl, schema)
      : await openPglite(options.dir, schema, options.waitMs);
  try {
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

/** The ledger store: PostgreSQL when `databaseUrl` is given, otherwise embedded PGlite. */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  return storeOn(await openEngine(options), options.recorder);
}

export { type LockHolder, StoreLockedError } from './engine/dir-lock';
export type { Conn, Engine } from './engine/types';
export { defaultRecorder, type Recorder, storeOn } from './store';
