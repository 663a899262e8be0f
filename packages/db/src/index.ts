import type { Store } from '@credence/app';
import { Migrator } from 'kysely';
import type { Engine } from './engine/types';
import { migrations } from './migrations';
import { storeOn } from './store';

export const DEFAULT_DATA_DIR = './data/credence';

export interface OpenStoreOptions {
  /** PGlite data directory; `memory://` or absent (without `databaseUrl`) for an in-memory database. */
  readonly dir?: string;
  /** A PostgreSQL connection string; when given, `dir` is ignored. */
  readonly databaseUrl?: string;
  /** Schema to create (if missing) and work in; default: the server's search_path (`public`). */
  readonly schema?: string;
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
      : await (await import('./engine/pglite')).openPglite(options.dir, schema);
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
  return storeOn(await openEngine(options));
}

export type { Conn, Engine } from './engine/types';
export { storeOn } from './store';
