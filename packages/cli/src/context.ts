import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock, Store } from '@credence/app';
import { systemClock } from './clock';

export const DEFAULT_DB_DIR = './data/credence';

export interface GlobalOptions {
  readonly db?: string;
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
export async function openFromOptions(opts: GlobalOptions, env = process.env, create = true): Promise<Store> {
  const url = env.DATABASE_URL && !opts.db ? env.DATABASE_URL : undefined;
  const dir = resolve(opts.db ?? DEFAULT_DB_DIR);
  if (!url && !create && !existsSync(join(dir, 'PG_VERSION'))) {
    throw new CliError(
      `no database at ${dir}: create one with \`credence init\` or \`credence import …\`, or pass --db DIR`,
      4,
    );
  }
  try {
    // Loaded here, not at start-up: commands that open no store do not load Kysely, PGlite or pg.
    const { openStore } = await import('@credence/db');
    return await (url ? openStore({ databaseUrl: url }) : openStore({ dir }));
  } catch (e) {
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
  const store = await openFromOptions(opts, io.env, create);
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
