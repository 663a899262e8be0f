import type { AlertDigestRecord } from '@credence/app/monitoring';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import type { Database } from '../schema';

interface Row {
  recipient: string;
  date: string;
  email: string;
  language: AlertDigestRecord['language'];
  alert_keys: unknown;
  status: AlertDigestRecord['status'];
  detail: string;
}

/** The digests recorded for a date, by recipient (migration 067). */
export async function alertDigests(db: Kysely<Database>, date: BusinessDate): Promise<AlertDigestRecord[]> {
  const { rows } = await sql<Row>`
    select recipient, date, email, language, alert_keys, status, detail from alert_digests
    where date = ${date}::date order by recipient`.execute(db);
  return rows.map((r) => ({
    recipient: r.recipient,
    date: asDate(r.date),
    email: r.email,
    language: r.language,
    alertKeys: (typeof r.alert_keys === 'string' ? JSON.parse(r.alert_keys) : r.alert_keys) as string[],
    status: r.status,
    detail: r.detail,
  }));
}

/** Records a digest, replacing the row of the same recipient and date. */
export async function saveAlertDigest(db: Kysely<Database>, d: AlertDigestRecord, at: Date): Promise<void> {
  await sql`
    insert into alert_digests (recipient, date, email, language, alert_keys, status, detail, recorded_at)
    values (${d.recipient}, ${d.date}::date, ${d.email}, ${d.language}, ${JSON.stringify(d.alertKeys)}::jsonb,
            ${d.status}, ${d.detail}, ${at})
    on conflict (recipient, date) do update set email = excluded.email, language = excluded.language,
      alert_keys = excluded.alert_keys, status = excluded.status, detail = excluded.detail,
      recorded_at = excluded.recorded_at`.execute(db);
}
