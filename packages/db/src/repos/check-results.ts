import type { CheckResult, CheckResultDraft, CheckResultQuery } from '@credence/app';
import type { CheckReason } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig, toCount } from '../convert';
import type { Database } from '../schema';

interface Row {
  id: unknown;
  buyer_id: string;
  order_id: string | null;
  as_of: string;
  decision: 'hold' | 'refer';
  currency: string;
  order_amount: unknown;
  open_receivables: unknown;
  open_orders: unknown;
  delivered_not_invoiced: unknown;
  exposure_after: unknown;
  limit_amount: unknown;
  reasons: unknown;
  checked_by: string;
  checked_at: Date | string;
  total: unknown;
}

const toResult = (r: Row): CheckResult => ({
  id: Number(r.id),
  buyerId: r.buyer_id,
  ...(r.order_id !== null ? { orderId: r.order_id } : {}),
  asOf: asDate(r.as_of),
  decision: r.decision,
  currency: asCurrency(r.currency),
  orderAmount: toBig(r.order_amount),
  openReceivables: toBig(r.open_receivables),
  openOrders: toBig(r.open_orders),
  deliveredNotInvoiced: toBig(r.delivered_not_invoiced),
  exposureAfter: toBig(r.exposure_after),
  ...(r.limit_amount !== null && r.limit_amount !== undefined ? { limit: toBig(r.limit_amount) } : {}),
  reasons: (typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons) as CheckReason[],
  checkedBy: r.checked_by,
  checkedAt: new Date(r.checked_at),
});

export async function appendCreditCheckResult(
  db: Kysely<Database>,
  r: CheckResultDraft,
  by: { readonly recordedBy: string; readonly recordedAt: Date },
): Promise<void> {
  await sql`
    insert into credit_check_results (buyer_id, order_id, as_of, decision, currency, order_amount, open_receivables,
      open_orders, delivered_not_invoiced, exposure_after, limit_amount, reasons, checked_by, checked_at)
    values (${r.buyerId}, ${r.orderId ?? null}, ${r.asOf}::date, ${r.decision}, ${r.currency}, ${r.orderAmount},
      ${r.openReceivables}, ${r.openOrders}, ${r.deliveredNotInvoiced}, ${r.exposureAfter}, ${r.limit ?? null},
      ${JSON.stringify(r.reasons)}::jsonb, ${by.recordedBy}, ${by.recordedAt})`.execute(db);
}

/** A page of the kept results, newest first, with the count of all that match (one statement). */
export async function creditCheckResults(
  db: Kysely<Database>,
  q: CheckResultQuery,
): Promise<{ results: CheckResult[]; total: number }> {
  const where = sql.join(
    [
      sql`true`,
      ...(q.decision !== undefined ? [sql`decision = ${q.decision}`] : []),
      ...(q.from !== undefined ? [sql`as_of >= ${q.from}::date`] : []),
      ...(q.to !== undefined ? [sql`as_of <= ${q.to}::date`] : []),
    ],
    sql` and `,
  );
  const { rows } = await sql<Row>`
    with matching as (select * from credit_check_results where ${where})
    select m.*, t.total from (select count(*) as total from matching) t
    left join lateral (select * from matching order by id desc limit ${q.limit} offset ${q.offset}) m on true`.execute(
    db,
  );
  const total = toCount(rows[0]?.total ?? 0);
  return { results: rows.filter((r) => r.id !== null).map(toResult), total };
}
