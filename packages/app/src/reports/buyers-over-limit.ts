import {
  type BusinessDate,
  type CurrencyCode,
  convert,
  type LimitEvent,
  limitState,
  money,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { netPortfolio } from './net-portfolio';

export interface BuyerOverLimit {
  readonly buyerId: string;
  readonly name: string;
  readonly country: string;
  readonly grade?: number;
  /** The limit in force on the date (approved or temporary). */
  readonly limit: bigint;
  readonly limitKind: 'approved' | 'temporary';
  readonly currency: CurrencyCode;
  /** Net open receivables (items less credit notes and unapplied cash), in the limit's currency. */
  readonly exposure: bigint;
  readonly excess: bigint;
}

export interface BuyersOverLimit {
  readonly asOf: BusinessDate;
  /** How many buyers are over their limit (all pages). */
  readonly count: number;
  /** The page asked for, the largest excess relative to the limit first. */
  readonly buyers: readonly BuyerOverLimit[];
}

/**
 * The buyers whose receivables exceed the limit in force on a date (`GET /reports/over-limit`): exposure is
 * the receivables part of the credit check's (net position, in the limit's currency at the rates of the
 * date); orders are not counted here.
 */
export async function buyersOverLimit(
  store: Pick<LedgerReads, 'portfolioPositions' | 'fxRates' | 'limitEventsUpTo'>,
  q: { readonly asOf: BusinessDate; readonly offset?: number; readonly limit?: number },
): Promise<Result<BuyersOverLimit>> {
  const [buyers, rates, events] = await Promise.all([
    netPortfolio(store, q.asOf),
    store.fxRates(),
    store.limitEventsUpTo(q.asOf),
  ]);
  const byBuyer = new Map<string, LimitEvent[]>();
  for (const e of events) byBuyer.set(e.buyerId, [...(byBuyer.get(e.buyerId) ?? []), e]);
  const over: BuyerOverLimit[] = [];
  for (const b of buyers) {
    const current = limitState(byBuyer.get(b.buyerId) ?? [], q.asOf).current;
    if (current === undefined) continue;
    let exposure = 0n;
    const parts = [
      ...b.items.map((i) => ({ amount: i.open, currency: i.currency })),
      ...b.creditBalance.map((c) => ({ amount: -c.amount, currency: c.currency })),
    ];
    for (const p of parts) {
      const c = convert(money(p.amount, p.currency), current.currency, rates, q.asOf);
      if (!c.ok) return c;
      exposure += c.value.amount;
    }
    if (exposure <= current.amount) continue;
    over.push({
      buyerId: b.buyerId,
      name: b.name,
      country: b.country,
      ...(b.grade !== undefined ? { grade: b.grade } : {}),
      limit: current.amount,
      limitKind: current.kind,
      currency: current.currency,
      exposure,
      excess: exposure - current.amount,
    });
  }
  // By excess over the limit in per mille of the limit (a zero limit first), then by id.
  const ratio = (x: BuyerOverLimit) =>
    x.limit === 0n ? Number.MAX_SAFE_INTEGER : Number((x.excess * 1000n) / x.limit);
  over.sort((a, b) => ratio(b) - ratio(a) || (a.buyerId < b.buyerId ? -1 : 1));
  const offset = q.offset ?? 0;
  return ok({ asOf: q.asOf, count: over.length, buyers: over.slice(offset, offset + (q.limit ?? 25)) });
}
