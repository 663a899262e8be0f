import type { Actor } from '../users/principal';

/**
 * One row of the audit trail: who (`actor`, the user or CLI operator), when (`at`, the writer's clock), from
 * where (`channel`, and the API token's id), what (`action` on `entityKind`/`entityId`) and why (`reason`,
 * where the domain has one). Append-only: the database refuses UPDATE and DELETE on it.
 */
export interface AuditEntry {
  /** Recording order (a bigserial, as a decimal string). */
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly channel: Actor['channel'];
  readonly tokenId?: string;
  readonly action: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly reason?: string;
  /** What was written, in JSON terms (amounts as decimal strings of minor units). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** A filter on the trail; every field optional, all given ones must hold. */
export interface AuditQuery {
  /** Entries at or after this instant. */
  readonly from?: Date;
  /** Entries before this instant. */
  readonly to?: Date;
  readonly entityKind?: string;
  readonly entityId?: string;
  /** The actor (user or operator name). */
  readonly user?: string;
  /** At most this many, the latest first cut off (default: all). */
  readonly limit?: number;
}

export interface AuditReads {
  /** Entries matching the query, in recording order. */
  auditEntries(query: AuditQuery): Promise<AuditEntry[]>;
}
