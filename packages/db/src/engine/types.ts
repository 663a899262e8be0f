import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../schema';

/** Temporary tables of one transaction (staging for set-based import checks). */
export type TempTable = 'import_keys' | 'pending_closings' | 'cash_lines_in';

/** One connection's view: a Kysely instance plus bulk COPY on the same connection (and transaction). */
export interface Conn {
  readonly db: Kysely<Database>;
  /**
   * `COPY table (columns) FROM STDIN` with CSV text, whole or in parts (each ending in a newline);
   * runs in the connection's current transaction.
   */
  copy(table: keyof Database | TempTable, columns: readonly string[], csv: string | Iterable<string>): Promise<void>;
}

/** Connections of a PostgreSQL engine's pool. */
export const POOL_SIZE = 4;

/**
 * Statements of concurrent credit checks run at once; the checks that arrive meanwhile wait and go together in the
 * next (`orderCheckBatcher`). One: on the 2-core benchmark machine (docs/benchmarks.md) 2 gave 0.29 statements
 * and 0.58 ms of PostgreSQL CPU per check against 0.45 and 0.74 with 4, at the same throughput; and 1 gave
 * 0.33–0.36 statements and 0.41–0.42 ms against 0.47–0.50 and 0.55–0.82 with 2 (holds and referrals written too),
 * at the same throughput and latency. It leaves the other connections to the other reads and to the writes of the
 * checks' holds and referrals (one statement at a time, `Store.keepCheckResult`).
 */
export const BATCHES_IN_FLIGHT = 1;

/**
 * Runs a compiled statement as a **named prepared statement**: PostgreSQL parses and plans it once per
 * connection, then each call only binds the values (issue 12: the credit check's statement was planned on every
 * request, which cost more than executing it). The same name must always come with the same text.
 */
export type NamedQuery = <R>(name: string, query: CompiledQuery<R>) => Promise<R[]>;

/** A database the store runs on: PGlite (embedded) or a PostgreSQL server. */
export interface Engine {
  readonly kind: 'pglite' | 'postgres';
  /** For reads outside a transaction. */
  readonly db: Kysely<Database>;
  /** For hot reads outside a transaction, where the engine has prepared statements (PostgreSQL). */
  readonly named?: NamedQuery;
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transact<T>(work: (conn: Conn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const copySql = (table: string, columns: readonly string[], source: string): string =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
