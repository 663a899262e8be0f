import type { Failure } from '@credence/core';

/**
 * Why the runtime could not provide what was asked, for the caller to map (the CLI to an exit code, the server
 * to a status): `missing` (no database, no settings file), `unavailable` (the store cannot be opened),
 * `busy` (another process has the embedded database open; `failure` says which), `usage` (a malformed
 * setting or file).
 */
export type RuntimeErrorKind = 'missing' | 'unavailable' | 'busy' | 'usage';

export class RuntimeError extends Error {
  constructor(
    readonly kind: RuntimeErrorKind,
    message: string,
    /** The coded failure behind it, when there is one (`store_locked` for `busy`). */
    readonly failure?: Failure,
  ) {
    super(message);
    this.name = 'RuntimeError';
  }
}
