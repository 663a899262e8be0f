import type { Clock, Company, Store } from '@credence/app';
import { clockFromEnv } from './clock';
import { findCompany } from './company';
import type { Env } from './env';
import { loadPolicies, type Policies, type PolicyPaths } from './policies';
import { openStoreFrom } from './store';

export interface RuntimeOptions {
  /** The embedded database's directory; named, it wins over DATABASE_URL. */
  readonly db?: string | undefined;
  readonly env: Env;
  /** false: refuse a missing embedded database instead of creating it (default true). */
  readonly create?: boolean;
  readonly waitSeconds?: number | undefined;
  readonly operator?: string | undefined;
  /** The company settings file (else CREDENCE_COMPANY, else ./company.json when there). */
  readonly company?: string | undefined;
  /** Other policy files than the shipped ones. */
  readonly policies?: PolicyPaths;
  /** Default: the clock of the environment (CREDENCE_TZ, CREDENCE_TODAY). */
  readonly clock?: Clock;
}

/** Everything a long-running process (the HTTP server) wires once: the store, the clock, settings and policies. */
export interface Runtime {
  readonly store: Store;
  readonly clock: Clock;
  /** Undefined when no settings file is named or in the working directory (letters then cannot be made). */
  readonly company: Company | undefined;
  readonly policies: Policies;
  close(): Promise<void>;
}

/**
 * Reads the settings and policies, then opens the store (so a bad file fails before the database is locked).
 * Throws a RuntimeError (`missing`, `usage`, `busy`, `unavailable`) when something is not there or not usable.
 */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? clockFromEnv(options.env);
  const [company, policies] = await Promise.all([
    findCompany(options.company, options.env),
    loadPolicies(options.policies),
  ]);
  const store = await openStoreFrom({
    db: options.db,
    env: options.env,
    create: options.create ?? true,
    waitSeconds: options.waitSeconds,
    operator: options.operator,
    now: () => clock.now(),
  });
  return { store, clock, company, policies, close: () => store.close() };
}
