import { readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type DirLock, lockDir } from './dir-lock';
import { lookUpArrayTypesByScan } from './pglite-arrays';
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

export interface PgliteOptions {
  /** Schema to create (if missing) and work in. */
  readonly schema?: string;
  /** Milliseconds to wait for another process to close the directory (default 0: fail at once). */
  readonly waitMs?: number;
  /**
   * For a brief command (one that reads a little), started ~0.4 s of CPU faster (docs/benchmarks.md,
   * "Start-up"). Honoured on a small database only (tables and indexes up to 32 MB: the small and medium
   * demos; measured in ~2 ms): on a larger one a report runs long enough to want the defaults. Leave it off for
   * bulk loads and long reports, which it slows:
   * - Postgres gets 16 MB of `shared_buffers` instead of 128: PGlite zeroes its whole shared memory as it
   *   starts (~1 ms of CPU per MB), but an import runs 2–3× slower with 16;
   * - V8 recompiles only the WebAssembly that runs long with its optimizing compiler. With V8's default tiering
   *   budget, a command of a fraction of a second starts that for hundreds of Postgres' functions on a
   *   background thread (~0.4 s of CPU), which the process also waits for as it exits. A budget 50× V8's
   *   default leaves it on baseline code. The flag is process-wide and stays for later opens; it is not
   *   changed when node was started with a --wasm-tiering-budget of its own.
   */
  readonly brief?: boolean;
}

const BRIEF_SHARED_BUFFERS = '16MB';
const BRIEF_MAX_BYTES = 32 * 1024 * 1024;
/** Postgres' first OID for user objects: relation files named from it up are tables, indexes, TOAST. */
const FIRST_NORMAL_OBJECT_ID = 16384;

/** True when the tables and indexes in the data directory `dir` take at most `max` bytes (or there is none). */
export function smallDatabase(dir: string, max: number): boolean {
  const base = join(dir, 'base');
  let total = 0;
  let databases: string[];
  try {
    databases = readdirSync(base);
  } catch {
    return true;
  }
  for (const database of databases) {
    for (const name of readdirSync(join(base, database))) {
      const oid = /^(\d+)(?:\.\d+)?$/.exec(name)?.[1]; // a main fork or one of its 1 GB segments
      if (oid === undefined || Number(oid) < FIRST_NORMAL_OBJECT_ID) continue;
      total += statSync(join(base, database, name), { throwIfNoEntry: false })?.size ?? 0;
      if (total > max) return false;
    }
  }
  return true;
}
const BRIEF_TIERING_BUDGET = 100_000_000; // V8's default: 1,800,000

/** Set before PGlite compiles its WebAssembly module (see `brief`). */
function keepWasmOnBaselineCode(): void {
  if (!process.execArgv.some((a) => a.startsWith('--wasm-tiering-budget')))
    setFlagsFromString(`--wasm-tiering-budget=${BRIEF_TIERING_BUDGET}`);
}

/**
 * Opens PGlite in `dir` (created if missing) or in memory when `dir` is undefined or 'memory://'. A
 * directory is locked for this process until close (dir-lock.ts); `waitMs` is how long to wait for
 * another process to close it before failing with `StoreLockedError`.
 */
export async function openPglite(dir: string | undefined, options: PgliteOptions = {}): Promise<Engine> {
  const { schema, waitMs = 0 } = options;
  const inMemory = dir === undefined || dir === 'memory://';
  let lock: DirLock | undefined;
  // PGlite creates the data directory itself, but not its parents (./data of ./data/credence).
  if (!inMemory && !dir.includes('://')) {
    await mkdir(dirname(resolve(dir)), { recursive: true });
    lock = await lockDir(resolve(dir), { waitMs });
  }
  try {
    const brief = options.brief === true && (inMemory || smallDatabase(dir, BRIEF_MAX_BYTES));
    const pglite = new PGlite({
      ...(inMemory ? {} : { dataDir: dir }),
      parsers,
      ...(brief ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${BRIEF_SHARED_BUFFERS}`] } : {}),
    });
    if (brief) keepWasmOnBaselineCode();
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
