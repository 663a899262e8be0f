import type { Clock, Store } from '@credence/app';
import { clockFromEnv, openStoreFrom, RuntimeError, type RuntimeErrorKind } from '@credence/runtime';
import { describe, EXIT } from './exit-codes';

export { DEFAULT_DB_DIR, describeStore } from '@credence/runtime';

export interface GlobalOptions {
  readonly db?: string;
  /** The file an import reads (recorded with the entries it writes). */
  readonly source?: string;
}

/** The program-wide options (`credence --wait 30 --by anna <command> …`), set before a command runs. */
export interface Session {
  /** Seconds to wait for another process to close the embedded database (--wait, else CREDENCE_DB_WAIT). */
  waitSeconds?: number;
  /** Who records ledger entries (--by or --operator, else CREDENCE_USER, else CREDENCE_OPERATOR, else the OS user). */
  operator?: string;
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

const EXIT_OF: Readonly<Record<RuntimeErrorKind, number>> = {
  missing: EXIT.missingData,
  unavailable: EXIT.unavailable,
  busy: EXIT.busy,
  usage: EXIT.usage,
};

/** The runtime's failure (no database, a bad settings file, the store in use …) as the CLI reports it. */
export function cliErrorOf(e: RuntimeError): CliError {
  return new CliError(e.failure ? describe(e.failure) : e.message, EXIT_OF[e.kind]);
}

/**
 * Opens the store. Commands that only read pass `create: false`: a mistyped --db then says so instead of
 * quietly creating an empty database that reports nothing owed.
 */
export async function openFromOptions(
  opts: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
  create = true,
  session?: Session,
  now: () => Date = () => new Date(),
): Promise<Store> {
  try {
    return await openStoreFrom({
      db: opts.db,
      source: opts.source,
      env,
      create,
      // A command that only reads starts the embedded database for a brief run; a write may be a bulk load
      // (docs/benchmarks.md, "Start-up").
      brief: !create,
      waitSeconds: session?.waitSeconds,
      operator: session?.operator,
      now,
    });
  } catch (e) {
    throw e instanceof RuntimeError ? cliErrorOf(e) : e;
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
    clock: clockFromEnv(process.env),
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
