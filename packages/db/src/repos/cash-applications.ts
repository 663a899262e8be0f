import type { CashApplication, Stored, UnappliedPayment } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { asCurrency, asDate, chunks, toBig } from '../convert';
import type { SqlValue } from '../reads/open-items';
import type { Database } from '../schema';

interface Row {
  id: string;
  kind: CashApplication['kind'];
  payment_id: string;
  from_document: string | null;
  to_document: string;
  amount: unknown;
  date: string;
  by: string;
  idempotency_key: string;
  content_hash: string;
}

export async function insertCashApplications(
  db: Kysely<Database>,
  rows: readonly Stored<CashApplication>[],
): Promise<void> {
  for (const a of rows)
    await sql`insert into cash_applications
                (id, kind, payment_id, from_document, to_document, amount, date, by, idempotency_key, content_hash)
              values (${a.id}, ${a.kind}, ${a.paymentId}, ${a.from ?? null}, ${a.to}, ${a.amount.toString()}::int8,
                      ${a.date}::date, ${a.by}, ${a.idempotencyKey}, ${a.contentHash})`.execute(db);
}

export async function findCashApplications(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Stored<CashApplication>[]> {
  const out: Stored<CashApplication>[] = [];
  for (const part of chunks(ids)) {
    const { rows } = await sql<Row>`select * from cash_applications where id = any(${part}::text[])`.execute(db);
    for (const r of rows)
      out.push({
        id: r.id,
        kind: r.kind,
        paymentId: r.payment_id,
        ...(r.from_document !== null ? { from: r.from_document } : {}),
        to: r.to_document,
        amount: toBig(r.amount),
        date: asDate(r.date),
        by: r.by,
        idempotencyKey: r.idempotency_key,
        contentHash: r.content_hash,
      });
  }
  return out;
}

/**
 * A buyer's payments dated ≤ asOf that no reversal dated ≤ asOf undid, with what is left of each after its
 * allocation rows dated ≤ asOf (the same rule as `unappliedCash`, per payment). Positive remainders only.
 * A payment applied in full by `asOf` (`applied_on`) is skipped without probing its allocation rows, and one applied
 * on its own date is not even read (the index `payments_unapplied_buyer`, migration 027): the credit check reads this
 * on the ERP's order path, and a buyer's history is mostly payments applied on their date.
 */
export interface UnappliedRow {
  id: string;
  date: string;
  currency: string;
  amount: unknown;
  unapplied: unknown;
}

/** The query of `unappliedPayments`. */
export const unappliedPaymentsQuery = (
  buyerId: SqlValue<string>,
  asOf: SqlValue<BusinessDate>,
): RawBuilder<UnappliedRow> => sql<UnappliedRow>`
    select * from (
      select p.id, p.date, p.currency, p.amount,
             p.amount + coalesce((select sum(a.delta) from allocations a
                                  where a.kind = 'payment' and a.entry_id = p.id and a.date <= ${asOf}::date), 0)
               as unapplied
      from payments p
      where p.buyer_id = ${buyerId} and p.date <= ${asOf}::date
        and (p.applied_on is null or p.applied_on > ${asOf}::date)
        /* implied by the two conditions before (applied_on > asOf >= date): the predicate of payments_unapplied_buyer */
        and (p.applied_on is null or p.applied_on > p.date)
        and not exists (select 1 from reversals r
                        where r.kind = 'payment' and r.target_id = p.id and r.date <= ${asOf}::date)
    ) u
    where u.unapplied > 0
    order by u.date, u.id`;

export const toUnappliedPayment = (r: UnappliedRow): UnappliedPayment => ({
  id: r.id,
  date: asDate(r.date),
  currency: asCurrency(r.currency),
  amount: toBig(r.amount),
  unapplied: toBig(r.unapplied),
});

export async function unappliedPayments(
  db: Kysely<Database>,
  buyerId: string,
  asOf: BusinessDate,
): Promise<UnappliedPayment[]> {
  const { rows } = await unappliedPaymentsQuery(buyerId, asOf).execute(db);
  return rows.map(toUnappliedPayment);
}
