import type { PaymentHistoryRow, StoredForecastModel } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate } from '../convert';
import type { Database } from '../schema';

interface HistoryRow {
  number: string;
  buyer_id: string;
  country: string;
  issue_date: string;
  due_date: string;
  amount: string | bigint;
  currency: string;
  disputed: boolean | null;
  paperless: boolean | null;
  closed_on: string | null;
}

/** Invoices issued by the date, with the date their balance closed for good if that is by then. */
export async function paymentHistory(db: Kysely<Database>, asOf: BusinessDate): Promise<PaymentHistoryRow[]> {
  const { rows } = await sql<HistoryRow>`
    select d.number, d.buyer_id, b.country, d.issue_date, d.due_date, d.amount, d.currency, d.disputed, d.paperless,
      case when c.closed_on <= ${asOf}::date then c.closed_on end as closed_on
    from documents d
    join buyers b on b.id = d.buyer_id
    left join document_closings c on c.number = d.number
    where d.type = 'invoice' and d.issue_date <= ${asOf}::date
    order by d.number`.execute(db);
  return rows.map((r) => ({
    number: r.number,
    buyerId: r.buyer_id,
    country: r.country,
    issueDate: asDate(r.issue_date),
    dueDate: asDate(r.due_date),
    amount: BigInt(r.amount),
    currency: asCurrency(r.currency),
    ...(r.disputed === null ? {} : { disputed: r.disputed }),
    ...(r.paperless === null ? {} : { paperless: r.paperless }),
    ...(r.closed_on === null ? {} : { settledOn: asDate(r.closed_on) }),
  }));
}

interface ModelRow {
  id: number;
  trained_until: string;
  model: unknown;
  by: string;
  recorded_at: Date | string;
}

const toModel = (r: ModelRow): StoredForecastModel => ({
  id: Number(r.id),
  trainedUntil: asDate(r.trained_until),
  model: typeof r.model === 'string' ? JSON.parse(r.model) : r.model,
  by: r.by,
  recordedAt: new Date(r.recorded_at),
});

export async function latestForecastModel(db: Kysely<Database>): Promise<StoredForecastModel | undefined> {
  const { rows } = await sql<ModelRow>`
    select id, trained_until, model, by, recorded_at from forecast_models order by id desc limit 1`.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : toModel(row);
}

export async function appendForecastModel(
  db: Kysely<Database>,
  m: Pick<StoredForecastModel, 'trainedUntil' | 'model' | 'by'>,
  at: Date,
): Promise<StoredForecastModel> {
  const { rows } = await sql<ModelRow>`
    insert into forecast_models (trained_until, model, by, recorded_at)
    values (${m.trainedUntil}::date, ${JSON.stringify(m.model)}::jsonb, ${m.by}, ${at})
    returning id, trained_until, model, by, recorded_at`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error('insert returned nothing');
  return toModel(row);
}
