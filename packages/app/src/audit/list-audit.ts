import type { LedgerReads } from '../ports';
import type { AuditEntry } from './ports';

export interface ListAuditOptions {
  /** Entries at or after this instant. */
  readonly from?: Date;
  /** Entries before this instant. */
  readonly to?: Date;
  /** `kind` or `kind:id`, e.g. `buyer`, `buyer:B1`, `document:INV-7`, `user:anna`, `import:march.csv`. */
  readonly entity?: string;
  /** Who: a user's or operator's name. */
  readonly user?: string;
  readonly limit?: number;
}

/** The audit trail, filtered, in recording order. */
export function listAudit(store: LedgerReads, options: ListAuditOptions = {}): Promise<AuditEntry[]> {
  const { entity, ...rest } = options;
  const colon = entity?.indexOf(':') ?? -1;
  const kind = entity === undefined ? undefined : colon < 0 ? entity : entity.slice(0, colon);
  const id = entity === undefined || colon < 0 ? undefined : entity.slice(colon + 1);
  return store.auditEntries({
    ...rest,
    ...(kind !== undefined && kind !== '' ? { entityKind: kind } : {}),
    ...(id !== undefined ? { entityId: id } : {}),
  });
}
