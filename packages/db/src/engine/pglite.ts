import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type DirLock, lockDir } from './dir-lock';
import { lookUpArrayTypesByScan } from './pglite-arrays';
import { PgliteQueryDialect } from './pglite-dialect';
import { type Conn, copySql, type Engine, quoteIdent } from './types';

/**
 * V8 runs PGlite's WebAssembly (Postgres, 9 MB) on baseline code and recompiles each function that has run
 * "long enough" with its optimizing compiler on a background thread. With V8's default budget a command that
 * runs a fraction of a second starts that for hundreds of functions: ~0.4 s of CPU, which the process also
 * waits for as it exits. A budget 50× the default (1.8 M) leaves such a command on baseline code, while a
 * long one (an import, a large report) still gets its hot functions optimized within a fraction of a
 * second of their running (docs/benchmarks.md, "Start-up"). Set before PGlite compiles its module, unless
 * node was started with a --wasm-tiering-budget of its own.
 */
if (!process.execArgv.some((a) => a.startsWith('--wasm-tiering-budget'))) {
  setFlagsFromString('--wasm-tiering-budget=100000000');
}

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

export interface PgliteOptions {
  /** Schema to create (if missing) and work in. */
  readonly schema?: string;
  /** Milliseconds to wait for another process to close the directory (default 0: fail at once). */
  readonly waitMs?: number;
  /**
   * Postgres' `shared_buffers` in MB (default: Postgres' 128). PGlite zeroes its whole shared memory as it
   * starts, ~0.1 s of CPU for the default: a command that reads a little starts faster with less, a bulk
   * load (import) runs 2–3× slower with 16 (docs/benchmarks.md, "Start-up").
   */
  readonly sharedBuffersMb?: number;
}

/**
 * Opens PGlite in `dir` (created if missing) or in memory when `dir` is undefined or 'memory://'. A
 * directory is locked for this process until close (dir-lock.ts); `waitMs` is how long to wait for
 * another process to close it before failing with `StoreLockedError`.
 */
export async function openPglite(dir: string | undefined, options: PgliteOptions = {}): Promise<Engine> {
  const { schema, waitMs = 0, sharedBuffersMb } = options;
  if (sharedBuffersMb !== undefined && !(Number.isInteger(sharedBuffersMb) && sharedBuffersMb >= 1))
    throw new RangeError(`sharedBuffersMb must be a whole number of MB, not ${sharedBuffersMb}`);
  const inMemory = dir === undefined || dir === 'memory://';
  let lock: DirLock | undefined;
  // PGlite creates the data directory itself, but not its parents (./data of ./data/credence).
  if (!inMemory && !dir.includes('://')) {
    await mkdir(dirname(resolve(dir)), { recursive: true });
    lock = await lockDir(resolve(dir), { waitMs });
  }
  try {
    const pglite = new PGlite({
      ...(inMemory ? {} : { dataDir: dir }),
      parsers,
      ...(sharedBuffersMb === undefined
        ? {}
        : { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`] }),
    });
    lookUpArrayTypesByScan(pglite);
    await pglite.waitReady;
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
