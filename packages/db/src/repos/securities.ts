import type { SecurityDraft, SecurityEvent, SecurityKind } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig } from '../convert';
import type { Database } from '../schema';

export interface SecurityRow {
  id: unknown;
  buyer_id: string;
  security_id: string;
  action: 'add' | 'end';
  kind: string | null;
  issuer: string | null;
  amount: unknown;
  currency: string | null;
  valid_from: string | null;
  expires_on: string | null;
  contract: string | null;
  ends_on: string | null;
  reason: string;
  by: string;
  recorded_on: string;
}

export const toSecurityEvent = (r: SecurityRow): SecurityEvent => {
  const head = {
    id: Number(r.id),
    buyerId: r.buyer_id,
    securityId: r.security_id,
    reason: r.reason,
    by: r.by,
    recordedOn: asDate(r.recorded_on),
  };
  if (r.action === 'end') return { ...head, action: 'end', endsOn: asDate(r.ends_on as string) };
  return {
    ...head,
    action: 'add',
    terms: {
      kind: r.kind as SecurityKind,
      issuer: r.issuer ?? '',
      ...(r.amount !== null && r.currency !== null
        ? { amount: toBig(r.amount), currency: asCurrency(r.currency) }
        : {}),
      validFrom: asDate(r.valid_from as string),
      ...(r.expires_on !== null ? { expiresOn: asDate(r.expires_on) } : {}),
      ...(r.contract !== null ? { contract: r.contract } : {}),
    },
  };
};

const COLUMNS = sql`id, buyer_id, security_id, action, kind, issuer, amount, currency, valid_from, expires_on,
  contract, ends_on, reason, by, recorded_on`;

/** The columns of a security event as JSON (amounts as text), for the order check's one statement. */
export const securityJson = (alias: string) => sql`json_build_object('id', ${sql.ref(`${alias}.id`)}::text,
  'buyer_id', ${sql.ref(`${alias}.buyer_id`)}, 'security_id', ${sql.ref(`${alias}.security_id`)},
  'action', ${sql.ref(`${alias}.action`)}, 'kind', ${sql.ref(`${alias}.kind`)}, 'issuer', ${sql.ref(`${alias}.issuer`)},
  'amount', ${sql.ref(`${alias}.amount`)}::text, 'currency', ${sql.ref(`${alias}.currency`)},
  'valid_from', ${sql.ref(`${alias}.valid_from`)}, 'expires_on', ${sql.ref(`${alias}.expires_on`)},
  'contract', ${sql.ref(`${alias}.contract`)}, 'ends_on', ${sql.ref(`${alias}.ends_on`)},
  'reason', ${sql.ref(`${alias}.reason`)}, 'by', ${sql.ref(`${alias}.by`)},
  'recorded_on', ${sql.ref(`${alias}.recorded_on`)})`;

/** Appends a security's addition or its end (`recorded_at`: the transaction's instant). */
export async function appendSecurityEvent(db: Kysely<Database>, e: SecurityDraft, at: Date): Promise<SecurityEvent> {
  const t = e.action === 'add' ? e.terms : undefined;
  const { rows } = await sql<SecurityRow>`
    insert into security_events (buyer_id, security_id, action, kind, issuer, amount, currency, valid_from,
                                 expires_on, contract, ends_on, reason, by, recorded_on, recorded_at)
    values (${e.buyerId}, ${e.securityId}, ${e.action}, ${t?.kind ?? null}, ${t?.issuer ?? null},
            ${t?.amount?.toString() ?? null}::int8, ${t?.currency ?? null}, ${t?.validFrom ?? null}::date,
            ${t?.expiresOn ?? null}::date, ${t?.contract ?? null}, ${e.action === 'end' ? e.endsOn : null}::date,
            ${e.reason}, ${e.by}, ${e.recordedOn}::date, ${at})
    returning ${COLUMNS}`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toSecurityEvent(row);
}

export async function securityEventsOf(db: Kysely<Database>, buyerId: string): Promise<SecurityEvent[]> {
  const { rows } = await sql<SecurityRow>`
    select ${COLUMNS} from security_events where buyer_id = ${buyerId} order by id`.execute(db);
  return rows.map(toSecurityEvent);
}

/** Every buyer's security events (the worklist's expiring securities), by buyer and id. */
export async function allSecurityEvents(db: Kysely<Database>): Promise<SecurityEvent[]> {
  const { rows } = await sql<SecurityRow>`select ${COLUMNS} from security_events order by buyer_id, id`.execute(db);
  return rows.map(toSecurityEvent);
}
