import type { AuditEntry, AuditQuery } from '@credence/app';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** An audit row about to be written (the store adds id; `at`, actor, channel and token come from its recorder). */
export interface AuditRow {
  readonly at: Date;
  readonly actor: string;
  readonly channel: 'cli' | 'api';
  readonly tokenId?: string;
  readonly action: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly reason?: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** JSON with bigints as decimal strings (amounts in minor units). */
export const auditJson = (details: object): string =>
  JSON.stringify(details, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

/** Rows per INSERT statement (9 parameters each, well under the protocol's 65,535). */
const CHUNK = 500;

export async function appendAudit(db: Kysely<Database>, rows: readonly AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map(
      (r) =>
        sql`(${r.at}, ${r.actor}, ${r.channel}, ${r.tokenId ?? null}, ${r.action}, ${r.entityKind}, ${r.entityId},
               ${r.reason ?? null}, ${auditJson(r.details)}::jsonb)`,
    );
    await sql`insert into audit_log (at, actor, channel, token_id, action, entity_kind, entity_id, reason, details)
              values ${sql.join(values)}`.execute(db);
  }
}

interface Row {
  id: unknown;
  at: Date | string;
  actor: string;
  channel: 'cli' | 'api';
  token_id: string | null;
  action: string;
  entity_kind: string;
  entity_id: string;
  reason: string | null;
  details: unknown;
}

const toEntry = (r: Row): AuditEntry => ({
  id: String(r.id),
  at: r.at instanceof Date ? r.at : new Date(r.at),
  actor: r.actor,
  channel: r.channel,
  ...(r.token_id !== null ? { tokenId: r.token_id } : {}),
  action: r.action,
  entityKind: r.entity_kind,
  entityId: r.entity_id,
  ...(r.reason !== null ? { reason: r.reason } : {}),
  details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
});

export async function auditEntries(db: Kysely<Database>, q: AuditQuery): Promise<AuditEntry[]> {
  const where = [
    q.from !== undefined ? sql`at >= ${q.from}` : undefined,
    q.to !== undefined ? sql`at < ${q.to}` : undefined,
    q.entityKind !== undefined ? sql`entity_kind = ${q.entityKind}` : undefined,
    q.entityId !== undefined ? sql`entity_id = ${q.entityId}` : undefined,
    q.user !== undefined ? sql`actor = ${q.user}` : undefined,
  ].filter((w) => w !== undefined);
  const cond = where.length === 0 ? sql`true` : sql.join(where, sql` and `);
  // With a limit: the latest `limit` entries, still returned in recording order.
  const { rows } =
    q.limit === undefined
      ? await sql<Row>`select * from audit_log where ${cond} order by id`.execute(db)
      : await sql<Row>`select * from (select * from audit_log where ${cond} order by id desc limit ${q.limit}) l
                       order by id`.execute(db);
  return rows.map(toEntry);
}
