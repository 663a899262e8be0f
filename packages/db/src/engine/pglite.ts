import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type DirLock, lockDir } from './dir-lock';
import { PgliteQueryDialect } from './pglite-dialect';
import { type Conn, copySql, type Engine, quoteIdent } from './types';

/** Business dates stay 'YYYY-MM-DD' strings, int8 is always bigint, numeric stays an exact string. */
const parsers = {
  [types.DATE]: (x: string) => x,
  [types.INT8]: (x: string) => BigInt(x),
  [types.NUMERIC]: (x: string) => x,
};

/** Parts (of ~10k rows) handed to PGlite in one blob: bounds the copy's memory. */
const PARTS_PER_COPY = 20;

type Queryable = Pick<Transaction, 'query'>;

/** A Kysely instance over an open PGlite transaction: every query runs in that transaction. */
function kyselyOver(tx: Queryable): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PgliteQueryDialect(tx) });
}

function connOver(tx: Queryable): Conn {
  return {
    db: kyselyOver(tx),
    async copy(table, columns, csv) {
      const sqlText = copySql(table, columns, "'/dev/blob'");
      let parts: string[] = [];
      const flush = async () => {
        if (parts.length > 0) await tx.query(sqlText, [], { blob: new Blob(parts) });
        parts = [];
      };
      for (const part of typeof csv === 'string' ? [csv] : csv) {
        parts.push(part);
        if (parts.length >= PARTS_PER_COPY) await flush();
      }
      await flush();
    },
  };
}

/**
 * Opens PGlite in `dir` (created if missing) or in memory when `dir` is undefined or 'memory://'. A
 * directory is locked for this process until close (dir-lock.ts); `waitMs` is how long to wait for
 * another process to close it before failing with `StoreLockedError`.
 */
export async function openPglite(dir: string | undefined, schema: string | undefined, waitMs = 0): Promise<Engine> {
  const inMemory = dir === undefined || dir === 'memory://';
  let lock: DirLock | undefined;
  // PGlite creates the data directory itself, but not its parents (./data of ./data/credence).
  if (!inMemory && !dir.includes('://')) {
    await mkdir(dirname(resolve(dir)), { recursive: true });
    lock = await lockDir(resolve(dir), { waitMs });
  }
  try {
    const pglite = await PGlite.create(inMemory ? undefined : dir, { parsers });
    if (schema !== undefined) {
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}`);
    }
    const db = kyselyOver(pglite);
    return {
      kind: 'pglite',
      db,
      transact: (work) => pglite.transaction((tx) => work(connOver(tx))),
      async close() {
        try {
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
