import {
  type BusinessDate,
  type CheckDecision,
  type CheckPolicy,
  type CurrencyCode,
  convert,
  daysOverdue,
  decideOrder,
  type Exposure,
  effectiveGrade,
  type FxRate,
  holdInForce,
  limitState,
  money,
  ok,
  overrideInForce,
  type Result,
} from '@credence/core';
import { netPositionOf } from '../entries/buyer-net-position';
import { insuranceForOrder } from '../insurance/insurance-for-order';
import type { LedgerReads } from '../ports';
import { readForOrderCheck } from './order-check-reads';

export interface OrderCheck {
  readonly buyerId: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly asOf: BusinessDate;
}

export interface OrderCheckResult extends CheckDecision {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  readonly exposure: Exposure;
  readonly orderAmount: bigint;
}

/**
 * The order credit check: exposure = open receivables + open orders + delivered-not-invoiced + the new order,
 * in the limit's currency (the order's when there is no limit), then core `decideOrder`. Open receivables and
 * the oldest overdue are the buyer's net position (credit notes and unapplied cash set off, `buyerNetPosition`).
 * Reads only this buyer's data (open items, payments, orders, limit events, holds, grades and grade
 * overrides: `readForOrderCheck`,
 * one statement on a database store, with the FX rates in force) and, from a store without it, the FX table when
 * a currency differs.
 */
export async function checkOrder(
  store: LedgerReads,
  policy: CheckPolicy,
  x: OrderCheck,
): Promise<Result<OrderCheckResult>> {
  const reads = await readForOrderCheck(store, x.buyerId, x.asOf);
  if (reads === undefined) return { ok: false, error: { code: 'not_found', params: { what: 'buyer', id: x.buyerId } } };
  const { orders, limitEvents: events, holds, grades } = reads;
  const net = netPositionOf(reads.openItems, reads.payments);
  const limit = limitState(events, x.asOf);
  const currency = limit.current?.currency ?? x.currency;
  let rates: FxRate[] | undefined;
  const inLimitCurrency = async (amount: bigint, from: CurrencyCode): Promise<Result<bigint>> => {
    if (from === currency || amount === 0n) return ok(amount);
    rates ??= reads.fxRates ?? (await store.fxRates());
    const c = convert(money(amount, from), currency, rates, x.asOf);
    return c.ok ? ok(c.value.amount) : c;
  };
  const sum = async (parts: readonly { amount: bigint; currency: CurrencyCode }[]): Promise<Result<bigint>> => {
    let total = 0n;
    for (const p of parts) {
      const c = await inLimitCurrency(p.amount, p.currency);
      if (!c.ok) return c;
      total += c.value;
    }
    return ok(total);
  };
  const live = orders.filter((o) => o.date <= x.asOf);
  const parts = await Promise.all([
    // Net of credit notes and unapplied cash: what is still owed, less what is left of the credits.
    sum([
      ...net.items.map((i) => ({ amount: i.open, currency: i.currency })),
      ...net.creditBalance.map((c) => ({ amount: -c.amount, currency: c.currency })),
    ]),
    sum(live.filter((o) => o.status === 'open')),
    sum(live.filter((o) => o.status === 'delivered')),
    inLimitCurrency(x.amount, x.currency),
  ]);
  for (const p of parts) if (!p.ok) return p;
  const [receivables, open, delivered, order] = parts.map((p) => (p.ok ? p.value : 0n)) as [
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const exposure: Exposure = {
    currency,
    openReceivables: receivables,
    openOrders: open,
    deliveredNotInvoiced: delivered,
  };
  const oldest = net.items.reduce((m, i) => Math.max(m, daysOverdue(i.dueDate, x.asOf)), 0);
  const hold = holdInForce(holds, x.asOf);
  // The credit manager's override in force, else the last recorded grade.
  const grade = effectiveGrade(
    grades.filter((g) => g.asOf <= x.asOf).at(-1)?.grade,
    overrideInForce(reads.overrides, x.asOf),
  )?.grade;
  const insured = await insuranceForOrder(store, {
    buyerId: x.buyerId,
    asOf: x.asOf,
    amount: x.amount,
    currency: x.currency,
  });
  const decision = decideOrder(
    {
      order: { amount: order, currency },
      limit,
      exposure,
      oldestOverdueDays: oldest,
      ...(hold ? { hold: { reason: hold.reason, since: hold.recordedOn, by: hold.by } } : {}),
      ...(grade !== undefined ? { grade } : {}),
      ...(insured !== undefined
        ? {
            insurance: {
              policy: insured.policyNumber,
              ...(insured.mepPassed !== undefined ? { mepPassed: insured.mepPassed } : {}),
              // Reported in the check's currency only: the policy's is another.
              ...(insured.currency === currency
                ? { insured: insured.quote.insured, uninsured: insured.quote.uninsured }
                : {}),
            },
          }
        : {}),
    },
    policy,
  );
  return ok({ ...decision, buyerId: x.buyerId, asOf: x.asOf, exposure, orderAmount: order });
}
