import type { Clock, Company, GradeContext, PrincipalCache, Store } from '@credence/app';
import type { CheckPolicy, DunningPolicy, LimitPolicy, RateTables } from '@credence/core';
import type { Principal } from './principal';

/** The policies the use cases behind the routes need (read once by the composition root). */
export interface Policies {
  readonly check: CheckPolicy;
  readonly grading: GradeContext;
  readonly limits: LimitPolicy;
  /** Reference interest rates by half-year (late-payment interest). */
  readonly rates: RateTables;
  /** The dunning ladder (worklist, dunning runs, letters); default: the shipped one (@credence/runtime). */
  readonly dunning?: DunningPolicy;
  /** The alert rules (docs/domain/monitoring.md); default: the shipped config/alert-rules.json. */
  readonly alerts?: import('@credence/core/monitoring').AlertPolicy;
  /** The credit insurance policies stored (their newest versions), read with the others: the order check's. */
  readonly insurance?: readonly import('@credence/core/insurance-rules').InsurancePolicy[];
}

/** What the server is built from: the store and clock it serves, the policies, and how a token is checked. */
export interface ServerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly policies: Policies;
  /**
   * The creditor's settings (company.json): the worklist, dunning runs and letters need them; without them
   * those routes answer `missing-data`.
   */
  readonly company?: Company;
  /**
   * The principal a bearer token stands for, or undefined for an unknown or revoked token; default: the
   * users and tokens in the store (app `authenticate`).
   */
  readonly authenticate?: (token: string) => Promise<Principal | undefined>;
  /** The web workspace's build (a directory with index.html), served at `/`; none: only the API. */
  readonly web?: string;
  /**
   * How long the principal of a token read from the store is remembered, in milliseconds; default
   * `TOKEN_CACHE_MS` (5 s), 0 reads the store on every request. A token revoked through this server stops at
   * once; revoked elsewhere (the CLI, another server process), within this time (docs/api.md). Not used with
   * `authenticate`.
   */
  readonly tokenCacheMs?: number;
  /**
   * How long the stored policy versions read are used before they are read again, in milliseconds; default
   * `POLICY_CACHE_MS` (5 s), 0 reads them on every request. A change made through this server applies at once;
   * one made elsewhere (the CLI, another server process), within this time.
   */
  readonly policyCacheMs?: number;
}

/** The default of `ServerDeps.policyCacheMs`: a policy stored elsewhere is in force here within 5 seconds. */
export const POLICY_CACHE_MS = 5000;

/** The default of `ServerDeps.tokenCacheMs`: a revocation made elsewhere takes effect within 5 seconds. */
export const TOKEN_CACHE_MS = 5000;

/** Hono's environment of every request: the dependencies, and after the auth middleware the principal. */
export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    /** How tokens are checked: the store's users, remembered for `tokenCacheMs` (or `deps.authenticate`). */
    tokens: PrincipalCache;
    principal: Principal | undefined;
  };
}
