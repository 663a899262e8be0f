import { resolve } from 'node:path';
import type { Clock, Store } from '@credence/app';
import { openStore } from '@credence/db';
import { systemClock } from './clock';

export const DEFAULT_DB_DIR = './data/credence';

export interface GlobalOptions {
  readonly db?: string;
}

/** Where the data lives: PostgreSQL when DATABASE_URL is set, else the embedded PGlite directory. */
export function describeStore(opts: GlobalOptions, env = process.env): string {
  return env.DATABASE_URL && !opts.db ? 'PostgreSQL (DATABASE_URL)' : resolve(opts.db ?? DEFAULT_DB_DIR);
}

export async function openFromOptions(opts: GlobalOptions, env = process.env): Promise<Store> {
  if (env.DATABASE_URL && !opts.db) return openStore({ databaseUrl: env.DATABASE_URL });
  return openStore({ dir: resolve(opts.db ?? DEFAULT_DB_DIR) });
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

/** Opens the store, runs `work`, always closes. */
export async function withStore<T>(opts: GlobalOptions, io: Io, work: (s: Store) => Promise<T>): Promise<T> {
  const store = await openFromOptions(opts, io.env);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
