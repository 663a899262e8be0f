import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Clock, Store } from '@credence/app';
import { systemClock } from './clock';
import { describe, EXIT } from './exit-codes';

export const DEFAULT_DB_DIR = './data/credence';

export interface GlobalOptions {
  readonly db?: string;
  /** The file an import reads (recorded with the entries it writes). */
  readonly source?: string;
}

/** The program-wide options (`credence --wait 30 --operator anna <command> …`), set before a command runs. */
export interface Session {
  /** Seconds to wait for another process to close the embedded database (--wait, else CREDENCE_DB_WAIT). */
  waitSeconds?: number;
  /** Who records ledger entries (--operator, else CREDENCE_OPERATOR, else the OS user). */
  operator?: string;
}

/** Who records ledger entries: --operator, else CREDENCE_OPERATOR, else the OS user. */
export function operatorOf(session: Session | undefined, env: NodeJS.ProcessEnv): string {
  const named = session?.operator ?? env.CREDENCE_OPERATOR;
  if (named !== undefined && named.trim() !== '') return named.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Seconds to wait for the database: --wait, else CREDENCE_DB_WAIT, else 0 (fail at once). */
export function waitSecondsOf(session: Session | undefined, env: NodeJS.ProcessEnv): number {
  if (session?.waitSeconds !== undefined) return session.waitSeconds;
  const v = env.CREDENCE_DB_WAIT;
  if (v === undefined || v === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new CliError(`CREDENCE_DB_WAIT="${v}" is not a number of seconds`, EXIT.usage);
  return Number(v);
}

/** An expected failure of the command line itself (no database, store unreachable): message + exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else the embedded PGlite directory. */
export function describeStore(opts: GlobalOptions, env = process.env): string {
  return env.DATABASE_URL && !opts.db ? 'PostgreSQL (DATABASE_URL)' : resolve(opts.db ?? DEFAULT_DB_DIR);
}

/**
 * Opens the store. Commands that only read pass `create: false`: a mistyped --db then says so instead of
 * quietly creating an empty database that reports nothing owed.
 */
export async function openFromOptions(
  opts: GlobalOptions,
  env = process.env,
  create = true,
  session?: Session,
  now: () => Date = () => new Date(),
): Promise<Store> {
  const url = env.DATABASE_URL && !opts.db ? env.DATABASE_URL : undefined;
  const dir = resolve(opts.db ?? DEFAULT_DB_DIR);
  if (!url && !create && !existsSync(join(dir, 'PG_VERSION'))) {
    throw new CliError(
      `no database at ${dir}: create one with \`credence init\` or \`credence import …\`, or pass --db DIR`,
      4,
    );
  }
  const waitMs = Math.round(waitSecondsOf(session, env) * 1000);
  const recorder = { by: operatorOf(session, env), now, ...(opts.source !== undefined ? { source: opts.source } : {}) };
  // Loaded here, not at start-up: commands that open no store do not load Kysely, PGlite or pg.
  const db = await import('@credence/db');
  // A command that only reads starts the embedded database for a brief run; a write may be a bulk load
  // (docs/benchmarks.md, "Start-up").
  try {
    return await (url
      ? db.openStore({ databaseUrl: url, recorder })
      : db.openStore({ dir, waitMs, recorder, brief: !create }));
  } catch (e) {
    if (e instanceof db.StoreLockedError) throw new CliError(describe(e.failure), EXIT.busy);
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError(`cannot open the database ${url ? 'at DATABASE_URL' : `at ${dir}`}: ${why}`, 5);
  }
}

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly clock: Clock;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
  /** The program-wide options of this run (absent outside `main`). */
  readonly session?: Session;
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    clock: systemClock(),
    env: process.env,
    isTty: Boolean(process.stderr.isTTY),
  };
}

/** Opens the store, runs `work`, always closes. `create: false` for commands that only read. */
export async function withStore<T>(
  opts: GlobalOptions,
  io: Io,
  work: (s: Store) => Promise<T>,
  create = true,
): Promise<T> {
  const store = await openFromOptions(opts, io.env, create, io.session, () => io.clock.now());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** For commands that only read: refuses a database that does not exist. */
export function withExistingStore<T>(opts: GlobalOptions, io: Io, work: (s: Store) => Promise<T>): Promise<T> {
  return withStore(opts, io, work, false);
}
