import type { AgingPositions, CreditorLedger, UnappliedPayment } from '@credence/app';
import type { BucketCell, BusinessDate, OpenItem } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig, toCount } from '../convert';
import type { Database } from '../schema';
import { bucketExpr } from './aging';
import { MAYBE_OPEN_DOCUMENTS, MOVED, openAsOf, SIGNED, type SqlValue } from './open-items';

export interface PaymentRow {
  id: string;
  buyer_id: string;
  date: string;
  currency: string;
  amount: unknown;
  unapplied: unknown;
}

/**
 * Each payment's cash not applied as of `asOf` (non-zero only): dated ≤ asOf, not reversed by then, amount +
 * its allocation deltas dated ≤ asOf. A payment whose `applied_on` is on or before `asOf` leaves nothing and
 * is skipped without reading its rows (as `unappliedCash`); so is one applied on its own date (the index
 * `payments_unapplied`, migration 020, holds the others).
 */
export async function paymentRemainders(db: Kysely<Database>, asOf: BusinessDate): Promise<PaymentRow[]> {
  const { rows } = await sql<PaymentRow>`${remainders(asOf)} order by u.buyer_id, u.date, u.id`.execute(db);
  return rows;
}

/** The statement of `paymentRemainders` for a date that may be a column of an outer query (`k.as_of`). */
const remainders = (asOf: SqlValue<BusinessDate>) => sql`
    select * from (
      select p.id, p.buyer_id, p.date, p.currency, p.amount, p.amount + coalesce(m.moved, 0) as unapplied
      from payments p
      left join lateral (select sum(a.delta) as moved from allocations a
                         where a.kind = 'payment' and a.entry_id = p.id and a.date <= ${asOf}::date) m on true
      where p.date <= ${asOf}::date and (p.applied_on is null or p.applied_on > ${asOf}::date)
        and (p.applied_on is null or p.applied_on > p.date)
        and not exists (select 1 from reversals r
                        where r.kind = 'payment' and r.target_id = p.id and r.date <= ${asOf}::date)
    ) u
    where u.unapplied <> 0`;

interface Row {
  number: string | null;
  buyer_id: string | null;
  type: 'invoice' | 'credit_note' | null;
  issue_date: string | null;
  due_date: string | null;
  currency: string;
  bucket: number;
  amount: unknown;
  count: unknown;
}

/**
 * One pass over the documents that may be open as of `asOf`: the open items (open ≠ 0) of the buyers with a
 * negative item or one of `withCash`, one row each (`number` set), and the cells of all other buyers' items.
 */
async function itemsAndCells(
  db: Kysely<Database>,
  asOf: BusinessDate,
  bounds: readonly number[],
  byBuyer: boolean,
  withCash: readonly string[],
): Promise<Row[]> {
  const buyer = byBuyer ? sql`o.buyer_id` : sql`null::text`;
  const { rows } = await sql<Row>`
    with o as materialized (
      select i.number, i.buyer_id, i.type, i.issue_date, i.due_date, i.currency, i.open,
             ${asOf}::date - i.due_date as days
      from (${openAsOf(asOf)}) i where i.open <> 0),
    c as (select o.buyer_id from o where o.open < 0
          union select unnest(${withCash}::text[]) collate "C")
    select * from (
      select null::text as number, ${buyer} as buyer_id, null::text as type, null::date as issue_date,
             null::date as due_date, o.currency, ${bucketExpr(bounds)} as bucket, sum(o.open) as amount,
             count(*) as count
      from o where o.buyer_id not in (select c.buyer_id from c)
      group by 2, 6, 7
      union all
      select o.number, o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, 0, o.open, 1
      from o where o.buyer_id in (select c.buyer_id from c)) r
    order by r.number is not null, r.buyer_id, r.due_date, r.issue_date, r.number`.execute(db);
  return rows;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `LedgerReads.agingPositions`: two queries for the whole portfolio instead of two per buyer with credits;
 * items and payments come in the order of `buyerOpenItems` and `unappliedPayments` (the database's, for keys).
 */
export async function agingPositions(
  db: Kysely<Database>,
  asOf: BusinessDate,
  bounds: readonly number[],
  byBuyer: boolean,
): Promise<AgingPositions> {
  const remainders = await paymentRemainders(db, asOf);
  const withCash = [...new Set(remainders.filter((r) => toBig(r.unapplied) > 0n).map((r) => r.buyer_id))];
  return assemble(remainders, await itemsAndCells(db, asOf, bounds, byBuyer, withCash));
}

/**
 * `LedgerReads.agingPositionsAt`: `agingPositions` (portfolio cells, not by buyer) at each date, in two queries
 * for all of them (the aging trend's month-ends): the dates are a column the same statements are joined to.
 */
export async function agingPositionsAt(
  db: Kysely<Database>,
  dates: readonly BusinessDate[],
  bounds: readonly number[],
): Promise<AgingPositions[]> {
  if (dates.length === 0) return [];
  const k = sql`unnest(${[...dates]}::date[]) k(as_of)`;
  const day = sql<BusinessDate>`k.as_of`;
  const { rows: cash } = await sql<PaymentRow & { as_of: string }>`
    select to_char(k.as_of, 'YYYY-MM-DD') as as_of, u.* from ${k} cross join lateral (${remainders(day)}) u
    order by k.as_of, u.buyer_id, u.date, u.id`.execute(db);
  const pairs = new Set(cash.filter((r) => toBig(r.unapplied) > 0n).map((r) => `${r.as_of}\u0000${r.buyer_id}`));
  const split = [...pairs].map((x) => x.split('\u0000'));
  const { rows: items } = await sql<Row & { as_of: string }>`
    with o as materialized (
      select to_char(k.as_of, 'YYYY-MM-DD') as as_of, i.number, i.buyer_id, i.type, i.issue_date, i.due_date,
             i.currency, i.open, k.as_of - i.due_date as days
      from ${k} cross join lateral (
        select d.number, d.buyer_id, d.type, d.issue_date, d.due_date, d.currency, ${SIGNED} + coalesce(m.moved, 0) as open
        from ${MAYBE_OPEN_DOCUMENTS(day)} d ${MOVED(day)}) i
      where i.open <> 0),
    c as (select o.as_of, o.buyer_id from o where o.open < 0
          union select unnest(${split.map((x) => x[0] ?? '')}::text[]), unnest(${split.map((x) => x[1] ?? '')}::text[]) collate "C")
    select * from (
      select o.as_of, null::text as number, null::text as buyer_id, null::text as type, null::date as issue_date,
             null::date as due_date, o.currency, ${bucketExpr(bounds)} as bucket, sum(o.open) as amount,
             count(*) as count
      from o where not exists (select 1 from c where c.as_of = o.as_of and c.buyer_id = o.buyer_id)
      group by 1, 7, 8
      union all
      select o.as_of, o.number, o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, 0, o.open, 1
      from o where exists (select 1 from c where c.as_of = o.as_of and c.buyer_id = o.buyer_id)) r
    order by r.as_of, r.number is not null, r.buyer_id, r.due_date, r.issue_date, r.number`.execute(db);
  return dates.map((d) =>
    assemble(
      cash.filter((r) => r.as_of === d),
      items.filter((r) => r.as_of === d),
    ),
  );
}

/** The read's rows as `AgingPositions`: the cash per buyer, the creditors' items and payments, the other cells. */
function assemble(remainders: readonly PaymentRow[], rows: readonly Row[]): AgingPositions {
  const cash = new Map<string, { buyerId: string; currency: string; amount: bigint }>();
  const payments = new Map<string, UnappliedPayment[]>();
  for (const r of remainders) {
    const unapplied = toBig(r.unapplied);
    const key = `${r.buyer_id}\u0000${r.currency}`;
    const c = cash.get(key) ?? { buyerId: r.buyer_id, currency: r.currency, amount: 0n };
    c.amount += unapplied;
    cash.set(key, c);
    if (unapplied <= 0n) continue;
    const list = payments.get(r.buyer_id) ?? [];
    list.push({ id: r.id, date: asDate(r.date), currency: asCurrency(r.currency), amount: toBig(r.amount), unapplied });
    payments.set(r.buyer_id, list);
  }
  const items = new Map<string, OpenItem[]>();
  const cells: BucketCell[] = [];
  for (const r of rows) {
    if (r.number === null || r.buyer_id === null || r.type === null || r.issue_date === null || r.due_date === null) {
      const cell = { currency: asCurrency(r.currency), bucket: Number(r.bucket), amount: toBig(r.amount) };
      cells.push({ ...cell, ...(r.buyer_id !== null ? { buyerId: r.buyer_id } : {}), count: toCount(r.count) });
      continue;
    }
    const list = items.get(r.buyer_id) ?? [];
    list.push({
      buyerId: r.buyer_id,
      number: r.number,
      type: r.type,
      issueDate: asDate(r.issue_date),
      dueDate: asDate(r.due_date),
      currency: asCurrency(r.currency),
      open: toBig(r.amount),
    });
    items.set(r.buyer_id, list);
  }
  const creditors: CreditorLedger[] = [...new Set([...items.keys(), ...payments.keys()])].sort(byText).map((id) => ({
    buyerId: id,
    items: items.get(id) ?? [],
    payments: payments.get(id) ?? [],
  }));
  const unappliedCash = [...cash.values()]
    .filter((c) => c.amount !== 0n)
    .sort((a, b) => byText(a.buyerId, b.buyerId) || byText(a.currency, b.currency))
    .map((c) => ({ buyerId: c.buyerId, currency: asCurrency(c.currency), amount: c.amount }));
  return { cells, unappliedCash, creditors };
}
