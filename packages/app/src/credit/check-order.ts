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
  firstOrderCap,
  holdInForce,
  limitState,
  money,
  ok,
  overrideInForce,
  probationOf,
  type Result,
  securitiesOf,
  securityInForce,
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
  /** The order's payment terms (days), when the ERP gives them: checked against the buyer's tier. */
  readonly termsDays?: number;
  /** The credit insurance policies in force, when the caller holds them (a server's cache); else read from the store. */
  readonly insurancePolicies?: readonly import('@credence/core/insurance-rules').InsurancePolicy[];
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
  const graded = effectiveGrade(
    grades.filter((g) => g.asOf <= x.asOf).at(-1)?.grade,
    overrideInForce(reads.overrides, x.asOf),
  );
  const grade = graded?.grade;
  // Guarantees and letters of credit in force on the date cover exposure (retention of title has no amount).
  const covering = securitiesOf(reads.securities).filter(
    (s) => securityInForce(s, x.asOf) && s.amount !== undefined && s.currency !== undefined,
  );
  const secured = await sum(covering.map((s) => ({ amount: s.amount ?? 0n, currency: s.currency ?? currency })));
  if (!secured.ok) return secured;
  const probation = await probationCap(policy, reads, x, currency, inLimitCurrency);
  if (probation !== undefined && !probation.ok) return probation;
  // A buyer without any insurance event has no insurance view: the store's one statement says so.
  const insured =
    reads.insured === false
      ? undefined
      : await insuranceForOrder(store, {
          buyerId: x.buyerId,
          asOf: x.asOf,
          amount: x.amount,
          currency: x.currency,
          ...(x.insurancePolicies !== undefined ? { policies: x.insurancePolicies } : {}),
        });
  const decision = decideOrder(
    {
      order: { amount: order, currency },
      limit,
      exposure,
      oldestOverdueDays: oldest,
      ...(hold ? { hold: { reason: hold.reason, since: hold.recordedOn, by: hold.by } } : {}),
      ...(grade !== undefined ? { grade } : {}),
      ...(graded?.tier !== undefined ? { tier: graded.tier } : {}),
      ...(x.termsDays !== undefined ? { termsDays: x.termsDays } : {}),
      secured: secured.value,
      ...(probation?.value !== undefined ? { probation: probation.value } : {}),
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

/**
 * A new buyer's first-order cap in the limit's currency while it is on probation (`credit.newBuyers`): its orders
 * dated by the check's date and not cancelled, and its first invoice, decide it; the cap set for the order's
 * currency (converted), else the one for the limit's. Undefined when the policy sets none or probation is over.
 */
async function probationCap(
  policy: CheckPolicy,
  reads: { readonly orders: readonly { date: BusinessDate; status: string }[]; readonly firstInvoice?: BusinessDate },
  x: OrderCheck,
  currency: CurrencyCode,
  inLimitCurrency: (amount: bigint, from: CurrencyCode) => Promise<Result<bigint>>,
): Promise<Result<{ cap: bigint; orders: number } | undefined> | undefined> {
  const newBuyers = policy.credit?.newBuyers;
  if (newBuyers === undefined) return undefined;
  const orders = reads.orders.filter((o) => o.date <= x.asOf && o.status !== 'cancelled').length;
  const p = probationOf(
    { orders, ...(reads.firstInvoice !== undefined ? { firstInvoice: reads.firstInvoice } : {}) },
    x.asOf,
    newBuyers,
  );
  if (!p.inProbation) return ok(undefined);
  const own = policy.credit === undefined ? undefined : firstOrderCap(policy.credit, x.currency);
  const cap = own !== undefined ? await inLimitCurrency(own, x.currency) : undefined;
  if (cap !== undefined) return cap.ok ? ok({ cap: cap.value, orders }) : cap;
  const theirs = policy.credit === undefined ? undefined : firstOrderCap(policy.credit, currency);
  return ok(theirs === undefined ? undefined : { cap: theirs, orders });
}
