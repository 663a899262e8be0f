import { userInfo } from 'node:os';
import { RuntimeError } from './errors';

/** The environment the runtime reads (process.env, or a test's own). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Who records ledger entries: the name given (--by), else CREDENCE_USER, else CREDENCE_OPERATOR, else the OS user. */
export function operatorFrom(named: string | undefined, env: Env): string {
  for (const name of [named, env.CREDENCE_USER, env.CREDENCE_OPERATOR])
    if (name !== undefined && name.trim() !== '') return name.trim();
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Seconds to wait for the embedded database: the number given, else CREDENCE_DB_WAIT, else 0 (fail at once). */
export function waitSecondsFrom(seconds: number | undefined, env: Env): number {
  if (seconds !== undefined) return seconds;
  const v = env.CREDENCE_DB_WAIT;
  if (v === undefined || v === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(v)) throw new RuntimeError('usage', `CREDENCE_DB_WAIT="${v}" is not a number of seconds`);
  return Number(v);
}
