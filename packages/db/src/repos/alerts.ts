import type { AlertQuery } from '@credence/app/monitoring';
import type { HoldEvent } from '@credence/core';
import type { Alert, AlertState, Figures, RuleId, Severity } from '@credence/core/monitoring';
import { type Kysely, sql } from 'kysely';
import { asDate, chunks } from '../convert';
import type { Database } from '../schema';

interface AlertRow {
  key: string;
  rule: string;
  buyer_id: string;
  document: string | null;
  severity: string;
  figures: unknown;
  measure: string | number;
  state: string;
  first_seen: string;
  last_seen: string;
  snoozed_until: string | null;
  resolution: string | null;
  resolved_on: string | null;
  note: string | null;
}

const toAlert = (r: AlertRow): Alert => ({
  key: r.key,
  rule: r.rule as RuleId,
  buyerId: r.buyer_id,
  ...(r.document !== null ? { document: r.document } : {}),
  severity: r.severity as Severity,
  figures: (typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures) as Figures,
  measure: BigInt(r.measure),
  state: r.state as AlertState,
  firstSeen: asDate(r.first_seen),
  lastSeen: asDate(r.last_seen),
  ...(r.snoozed_until !== null ? { snoozedUntil: asDate(r.snoozed_until) } : {}),
  ...(r.resolution !== null ? { resolution: r.resolution as 'cleared' | 'manual' } : {}),
  ...(r.resolved_on !== null ? { resolvedOn: asDate(r.resolved_on) } : {}),
  ...(r.note !== null ? { note: r.note } : {}),
});

/** Alerts matching the query, by key (one query). */
export async function alerts(db: Kysely<Database>, q: AlertQuery): Promise<Alert[]> {
  const { rows } = await sql<AlertRow>`
    select key, rule, buyer_id, document, severity, figures, measure::text as measure, state, first_seen, last_seen,
           snoozed_until, resolution, resolved_on, note
    from alerts
    where ${q.states === undefined ? sql`true` : sql`state = any(${[...q.states]}::text[])`}
      and ${q.keys === undefined ? sql`true` : sql`key = any(${[...q.keys]}::text[])`}
      and ${q.buyerId === undefined ? sql`true` : sql`buyer_id = ${q.buyerId}`}
    order by key`.execute(db);
  return rows.map(toAlert);
}

/**
 * Inserts alerts, replacing the row of the same key: 5,000 a statement, each column one array parameter (a
 * statement of the same 14 parameters whatever the number of rows, instead of 14 per row to parse and bind).
 */
export async function saveAlerts(db: Kysely<Database>, rows: readonly Alert[]): Promise<void> {
  for (const part of chunks(rows, 5000)) {
    const col = <T>(f: (a: Alert) => T): T[] => part.map(f);
    await sql`
      insert into alerts (key, rule, buyer_id, document, severity, figures, measure, state, first_seen, last_seen,
                          snoozed_until, resolution, resolved_on, note)
      select key, rule, buyer_id, document, severity, figures::jsonb, measure, state, first_seen, last_seen,
             snoozed_until, resolution, resolved_on, note
      from unnest(${col((a) => a.key)}::text[], ${col((a) => a.rule)}::text[], ${col((a) => a.buyerId)}::text[],
        ${col((a) => a.document ?? null)}::text[], ${col((a) => a.severity)}::text[],
        ${col((a) => JSON.stringify(a.figures))}::text[], ${col((a) => a.measure.toString())}::numeric[],
        ${col((a) => a.state)}::text[], ${col((a) => a.firstSeen)}::date[], ${col((a) => a.lastSeen)}::date[],
        ${col((a) => a.snoozedUntil ?? null)}::date[], ${col((a) => a.resolution ?? null)}::text[],
        ${col((a) => a.resolvedOn ?? null)}::date[], ${col((a) => a.note ?? null)}::text[])
        as k(key, rule, buyer_id, document, severity, figures, measure, state, first_seen, last_seen, snoozed_until,
             resolution, resolved_on, note)
      on conflict (key) do update set
        rule = excluded.rule, buyer_id = excluded.buyer_id, document = excluded.document,
        severity = excluded.severity, figures = excluded.figures, measure = excluded.measure, state = excluded.state,
        first_seen = excluded.first_seen, last_seen = excluded.last_seen, snoozed_until = excluded.snoozed_until,
        resolution = excluded.resolution, resolved_on = excluded.resolved_on, note = excluded.note`.execute(db);
  }
}

/** Appends holds and releases, 1,000 a statement, in the order given (ids in that order). */
export async function appendHolds(db: Kysely<Database>, events: readonly Omit<HoldEvent, 'id'>[]): Promise<void> {
  for (const part of chunks(events, 1000)) {
    const values = part.map((e) => sql`(${e.buyerId}, ${e.action}, ${e.reason}, ${e.by}, ${e.recordedOn}::date)`);
    await sql`insert into credit_holds (buyer_id, action, reason, by, recorded_on) values ${sql.join(values)}`.execute(
      db,
    );
  }
}
