import {
  addDays,
  addMonths,
  type BusinessDate,
  type CurrencyCode,
  computeKpis,
  convertParts,
  fail,
  type Kpis,
  ok,
  type PaymentBehaviour,
  paymentBehaviour,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { buyerNames } from './buyer-names';

export interface KpiQuery {
  readonly asOf: BusinessDate;
  /** First day of the period for DSO and CEI; default: the three months ending on `asOf` (a quarter on a quarter-end). */
  readonly from?: BusinessDate;
  readonly buyerId?: string;
  readonly reportingCurrency?: CurrencyCode;
  /** Also give the names of the buyers in `behaviour` (`buyerNames`). */
  readonly withBuyerNames?: boolean;
  /** Leave the payment behaviour per buyer out (not read): a dashboard's headline wants the KPIs only. */
  readonly withoutBehaviour?: boolean;
}

export interface KpiResult {
  readonly from: BusinessDate;
  readonly asOf: BusinessDate;
  readonly perCurrency: readonly Kpis[];
  /** Per buyer and currency: average days to pay and weighted days beyond terms over the period. */
  readonly behaviour: readonly PaymentBehaviour[];
  readonly reporting?: { readonly currency: CurrencyCode; readonly totalAr: bigint; readonly overdueAr: bigint };
  /** Buyer id → name of the buyers in `behaviour`, with `withBuyerNames`. */
  readonly buyerNames?: Readonly<Record<string, string>>;
}

/** 2026-06-30 → 2026-04-01 (91 days); 2026-06-15 → 2026-03-16. */
export function defaultKpiFrom(asOf: BusinessDate): BusinessDate {
  return addMonths(addDays(asOf, 1), -3);
}

/** DSO (standard, countback, best possible), ADD, CEI, overdue % per currency; payment behaviour per buyer. */
export async function reportKpis(store: LedgerReads, q: KpiQuery): Promise<Result<KpiResult>> {
  const from = q.from ?? defaultKpiFrom(q.asOf);
  if (from > q.asOf) return fail('invalid_argument', { from, asOf: q.asOf, reason: 'from_after_as_of' });
  const [inputs, sums] = await Promise.all([
    store.kpiInputs(from, q.asOf),
    q.withoutBehaviour ? [] : store.behaviourSums(from, q.asOf, q.buyerId),
  ]);
  const perCurrency = inputs.map(computeKpis);
  const behaviour = sums.map(paymentBehaviour);
  const names = q.withBuyerNames
    ? await buyerNames(
        store,
        behaviour.map((b) => b.buyerId),
      )
    : undefined;
  const base = { from, asOf: q.asOf, perCurrency, behaviour, ...(names ? { buyerNames: names } : {}) };
  if (q.reportingCurrency === undefined) return ok(base);
  const rates = await store.fxRates();
  let totalAr = 0n;
  let overdueAr = 0n;
  for (const k of perCurrency) {
    // Converted as parts of one amount, like the aging's buckets, so both reports show the same totals.
    const c = convertParts([k.totalAr - k.overdueAr, k.overdueAr], k.currency, q.reportingCurrency, rates, q.asOf);
    if (!c.ok) return c;
    totalAr += c.value.total;
    overdueAr += c.value.parts[1] ?? 0n;
  }
  return ok({ ...base, reporting: { currency: q.reportingCurrency, totalAr, overdueAr } });
}
