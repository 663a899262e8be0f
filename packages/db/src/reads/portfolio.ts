import type { PortfolioBuyer, PortfolioFilter, UnappliedPayment } from '@credence/app';
import type { BusinessDate, LimitEvent, OpenItem } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asCurrency, asDate, toBig } from '../convert';
import { type LimitEventRow, toLimitEvent } from '../repos/limits';
import type { Database } from '../schema';
import { paymentRemainders } from './aging-positions';
import { openAsOf } from './open-items';

interface Row {
  buyer_id: string;
  name: string;
  country: string;
  grade: number | null;
  tier: string | null;
  number: string;
  type: 'invoice' | 'credit_note';
  issue_date: string;
  due_date: string;
  currency: string;
  open: unknown;
}

/**
 * `LedgerReads.portfolioPositions`: the open items (open ≠ 0) as of `asOf` of the buyers matching the filter,
 * with each buyer's name, country and latest grade recorded by then, in one query; the unapplied payments
 * of those buyers in a second (the aging's `paymentRemainders`).
 */
export async function portfolioPositions(
  db: Kysely<Database>,
  asOf: BusinessDate,
  filter: PortfolioFilter,
): Promise<PortfolioBuyer[]> {
  const where = [
    ...(filter.buyerId !== undefined ? [sql`b.id = ${filter.buyerId}`] : []),
    ...(filter.country !== undefined ? [sql`b.country = ${filter.country}`] : []),
    ...(filter.grade !== undefined ? [sql`g.grade = ${filter.grade}`] : []),
  ];
  const { rows } = await sql<Row>`
    with g as (
      select distinct on (buyer_id) buyer_id, grade, tier from grades
      where as_of <= ${asOf}::date order by buyer_id, as_of desc),
    b as (
      select b.id, b.name, b.country, g.grade, g.tier from buyers b left join g on g.buyer_id = b.id
      ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``})
    select b.id as buyer_id, b.name, b.country, b.grade, b.tier,
           i.number, i.type, i.issue_date, i.due_date, i.currency, i.open
    from b join (${openAsOf(asOf)}) i on i.buyer_id = b.id
    where i.open <> 0
    order by b.id, i.due_date, i.issue_date, i.number`.execute(db);
  const buyers = new Map<string, { head: Row; items: OpenItem[] }>();
  for (const r of rows) {
    const b = buyers.get(r.buyer_id) ?? { head: r, items: [] };
    b.items.push({
      buyerId: r.buyer_id,
      number: r.number,
      type: r.type,
      issueDate: asDate(r.issue_date),
      dueDate: asDate(r.due_date),
      currency: asCurrency(r.currency),
      open: toBig(r.open),
    });
    buyers.set(r.buyer_id, b);
  }
  const payments = new Map<string, UnappliedPayment[]>();
  for (const p of await paymentRemainders(db, asOf)) {
    const unapplied = toBig(p.unapplied);
    if (unapplied <= 0n || !buyers.has(p.buyer_id)) continue;
    const list = payments.get(p.buyer_id) ?? [];
    list.push({ id: p.id, date: asDate(p.date), currency: asCurrency(p.currency), amount: toBig(p.amount), unapplied });
    payments.set(p.buyer_id, list);
  }
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...buyers.values()]
    .sort((a, b) => byId(a.head.buyer_id, b.head.buyer_id))
    .map(({ head: h, items }) => ({
      buyerId: h.buyer_id,
      name: h.name,
      country: h.country,
      ...(h.grade !== null ? { grade: Number(h.grade) } : {}),
      ...(h.tier !== null ? { tier: h.tier } : {}),
      items,
      payments: payments.get(h.buyer_id) ?? [],
    }));
}

/** `LedgerReads.limitEventsUpTo`: approvals and temporary limits valid from on or before `asOf`, every buyer's. */
export async function limitEventsUpTo(db: Kysely<Database>, asOf: BusinessDate): Promise<LimitEvent[]> {
  const { rows } = await sql<LimitEventRow>`
    select id, buyer_id, kind, amount, currency, valid_from, expires_on, by, reason, request_id, recorded_on
    from limit_events where kind in ('approval', 'temporary') and valid_from <= ${asOf}::date
    order by buyer_id, id`.execute(db);
  return rows.map(toLimitEvent);
}

/** `LedgerReads.latestGrades`: each buyer's latest grade recorded on or before `asOf`, in one query. */
export async function latestGrades(
  db: Kysely<Database>,
  asOf: BusinessDate,
): Promise<{ buyerId: string; grade: number; tier: string }[]> {
  const { rows } = await sql<{ buyer_id: string; grade: unknown; tier: string }>`
    select distinct on (buyer_id) buyer_id, grade, tier from grades
    where as_of <= ${asOf}::date order by buyer_id, as_of desc`.execute(db);
  return rows.map((r) => ({ buyerId: r.buyer_id, grade: Number(r.grade), tier: r.tier }));
}
