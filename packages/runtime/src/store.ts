import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from '@credence/app';
import { type Env, operatorFrom, waitSecondsFrom } from './env';
import { RuntimeError } from './errors';

/** The embedded database's directory when none is named and DATABASE_URL is not set. */
export const DEFAULT_DB_DIR = './data/credence';

export interface StoreOptions {
  /** The embedded database's directory; named, it wins over DATABASE_URL. */
  readonly db?: string | undefined;
  /** The environment: DATABASE_URL, CREDENCE_DB_WAIT, CREDENCE_USER, CREDENCE_OPERATOR. */
  readonly env: Env;
  /** false for callers that only read: a missing embedded database is then `missing`, not created empty. */
  readonly create?: boolean;
  /**
   * Embedded only: start the database for a brief run (a command that reads): small buffers and V8's tiering
   * kept for short work, on a small database only (docs/benchmarks.md, "Start-up"). Not for a server.
   */
  readonly brief?: boolean;
  /** Seconds to wait for another process to close the embedded database (else CREDENCE_DB_WAIT, else 0). */
  readonly waitSeconds?: number | undefined;
  /** Who records ledger entries (else CREDENCE_USER, else CREDENCE_OPERATOR, else the OS user). */
  readonly operator?: string | undefined;
  /** The file an import reads (recorded with the entries it writes). */
  readonly source?: string | undefined;
  /** The instant each transaction's entries are stamped with (the clock's `now`). */
  readonly now?: () => Date;
}

/** Where the data lives: PostgreSQL when DATABASE_URL is set and no directory is named, else the directory. */
export function describeStore(options: { readonly db?: string | undefined }, env: Env): string {
  return env.DATABASE_URL && !options.db ? 'PostgreSQL (DATABASE_URL)' : resolve(options.db ?? DEFAULT_DB_DIR);
}

/**
 * Opens the store: PostgreSQL when DATABASE_URL is set and no directory is named, else the embedded PGlite
 * directory. Throws a RuntimeError: `missing` (no database there and `create: false`), `busy` (another
 * process has the directory open), `unavailable` (anything else that keeps it from opening).
 */
export async function openStoreFrom(options: StoreOptions): Promise<Store> {
  const { env } = options;
  const url = env.DATABASE_URL && !options.db ? env.DATABASE_URL : undefined;
  const dir = resolve(options.db ?? DEFAULT_DB_DIR);
  if (!url && options.create === false && !existsSync(join(dir, 'PG_VERSION')))
    throw new RuntimeError(
      'missing',
      `no database at ${dir}: create one with \`credence init\` or \`credence import …\`, or pass --db DIR`,
    );
  const waitMs = Math.round(waitSecondsFrom(options.waitSeconds, env) * 1000);
  const recorder = {
    by: operatorFrom(options.operator, env),
    now: options.now ?? (() => new Date()),
    ...(options.source !== undefined ? { source: options.source } : {}),
  };
  // Loaded here, not at start-up: whoever opens no store does not load Kysely, PGlite or pg.
  const db = await import('@credence/db');
  try {
    return await (url
      ? db.openStore({ databaseUrl: url, recorder })
      : db.openStore({ dir, waitMs, recorder, brief: options.brief === true }));
  } catch (e) {
    if (e instanceof db.StoreLockedError) throw new RuntimeError('busy', e.message, e.failure);
    const why = e instanceof Error ? e.message : String(e);
    throw new RuntimeError('unavailable', `cannot open the database ${url ? 'at DATABASE_URL' : `at ${dir}`}: ${why}`);
  }
}
