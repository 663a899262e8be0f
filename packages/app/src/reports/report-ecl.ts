import {
  addMonths,
  type BusinessDate,
  type CurrencyCode,
  type ExposureBucket,
  type Failure,
  type Fraction,
  fail,
  ONE,
  ok,
  type ProvisionRow,
  provisionMatrix,
  type Result,
  rollRateLossRates,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { insuredByBucket } from './ecl-insured';
import { type EclSegmentBy, type SegmentExposure, segmentExposures } from './ecl-segments';
import { reportAging } from './report-aging';

/** The IFRS 9 example's buckets: not_due, 1-30, 31-60, 61-90, 90+. */
export const ECL_BOUNDS: readonly number[] = [30, 60, 90];

export interface EclQuery {
  readonly asOf: BusinessDate;
  /** Loss rate per bucket label; absent: derived by roll rates over `months` months of the ledger. */
  readonly rates?: Readonly<Record<string, Fraction>>;
  readonly months?: number;
  /** Forward-looking adjustment factor (1 = none). */
  readonly factor?: Fraction;
  readonly bounds?: readonly number[];
  readonly reportingCurrency?: CurrencyCode;
  readonly compare?: BusinessDate;
  /** A provision matrix per segment (country, grade, tier, or insured and uninsured parts), summed. */
  readonly by?: EclSegmentBy;
  /** Per segment: its own loss rates and forward-looking factor (else the query's, else derived). */
  readonly segments?: Readonly<Record<string, EclSegmentTerms>>;
}

export interface EclSegmentTerms {
  readonly rates?: Readonly<Record<string, Fraction>>;
  readonly factor?: Fraction;
}

export type EclRatesSource = { readonly source: 'given' } | { readonly source: 'roll-rates'; readonly months: number };

/** One segment's provision matrix. */
export interface EclSegment {
  readonly segment: string;
  readonly factor: Fraction;
  readonly rates: EclRatesSource;
  readonly buckets: readonly ProvisionRow[];
  readonly total: bigint;
}

export interface EclFigures {
  readonly asOf: BusinessDate;
  readonly buckets: readonly ProvisionRow[];
  readonly total: bigint;
  /** How the rates were had: given, or derived over months (with the flow rates); by segment: derived if any was. */
  readonly rates: EclRatesSource;
  /**
   * With `by`: each segment's matrix. The portfolio's buckets are then their sums, and a bucket's `lossRate` is the
   * effective rate, provision ÷ exposure.
   */
  readonly segments?: readonly EclSegment[];
}

export interface EclResult extends EclFigures {
  readonly currency: CurrencyCode;
  readonly compare?: EclFigures & { readonly movement: bigint };
}

interface Exposures {
  readonly currency: CurrencyCode;
  readonly labels: readonly string[];
  readonly amounts: readonly bigint[];
}

async function exposures(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
  currency: CurrencyCode | undefined,
): Promise<Result<Exposures, Failure>> {
  const aging = await reportAging(store, {
    asOf,
    bounds,
    ...(currency !== undefined ? { reportingCurrency: currency } : {}),
  });
  if (!aging.ok) return aging;
  const { labels, reports, reporting } = aging.value;
  if (reporting !== undefined) return ok({ currency: reporting.currency, labels, amounts: reporting.buckets });
  if (reports.length > 1)
    return fail('invalid_argument', {
      reason: 'several_currencies',
      currencies: reports.map((r) => r.currency).join(','),
    });
  const one = reports[0];
  if (one === undefined) return fail('invalid_argument', { reason: 'nothing_open', asOf });
  return ok({ currency: one.currency, labels, amounts: one.buckets.map((b) => b.amount) });
}

async function figures(store: LedgerReads, q: EclQuery, asOf: BusinessDate): Promise<Result<EclResult, Failure>> {
  const bounds = q.bounds ?? ECL_BOUNDS;
  const now = await exposures(store, asOf, bounds, q.reportingCurrency);
  if (!now.ok) return now;
  const { labels, amounts, currency } = now.value;
  if (q.by !== undefined) return bySegment(store, q, q.by, asOf, labels, currency);
  let rates = q.rates;
  const months = q.months ?? 12;
  if (rates === undefined) {
    const snapshots: bigint[][] = [];
    for (let k = months; k >= 0; k--) {
      const e = await exposures(store, addMonths(asOf, -k), bounds, currency);
      // A month-end with nothing open (before the ledger began) contributes nothing to the flows.
      snapshots.push(e.ok ? [...e.value.amounts] : labels.map(() => 0n));
    }
    const derived = rollRateLossRates(snapshots).rates;
    rates = Object.fromEntries(labels.map((l, j) => [l, derived[j] as Fraction]));
  }
  const cover = await insuredByBucket(store, asOf, bounds, currency);
  if (!cover.ok) return cover;
  const { insured, covered } = cover.value;
  const buckets: ExposureBucket[] = labels.map((label, j) => {
    const part = insured[j] ?? 0n;
    const paid = covered[j];
    return {
      label,
      exposure: amounts[j] ?? 0n,
      ...(part > 0n && paid !== undefined ? { insured: part, covered: paid } : {}),
    };
  });
  const m = provisionMatrix(buckets, rates, q.factor !== undefined ? { factor: q.factor } : {});
  if (!m.ok) return m;
  return ok({
    asOf,
    currency,
    buckets: m.value.buckets,
    total: m.value.total,
    rates: q.rates !== undefined ? { source: 'given' } : { source: 'roll-rates', months },
  });
}

/**
 * Lifetime expected credit loss of the trade receivables as of a date by a provision matrix (IFRS 9 simplified
 * approach, docs/domain/expected-credit-loss.md): the aging's buckets in the reporting currency times the loss
 * rates (given, or derived by roll rates over the months before the date) times the forward-looking factor;
 * with `compare`, the same as of that date and the movement. The insured parts under the stored credit insurance
 * policies (`insuredByBucket`) carry no loss for the share their cover pays.
 */
export async function reportEcl(store: LedgerReads, q: EclQuery): Promise<Result<EclResult, Failure>> {
  const main = await figures(store, q, q.asOf);
  if (!main.ok || q.compare === undefined) return main;
  const before = await figures(store, { ...q, reportingCurrency: main.value.currency }, q.compare);
  if (!before.ok) return before;
  const { currency: _, ...rest } = before.value;
  return ok({ ...main.value, compare: { ...rest, movement: main.value.total - before.value.total } });
}

const ZERO: Fraction = { num: 0n, den: 1n };

/** The month-end exposures per segment over the `months` months before `asOf` (oldest first), for roll rates. */
async function segmentHistory(
  store: LedgerReads,
  asOf: BusinessDate,
  months: number,
  bounds: readonly number[],
  currency: CurrencyCode,
  by: EclSegmentBy,
): Promise<Map<string, SegmentExposure>[]> {
  const out: Map<string, SegmentExposure>[] = [];
  for (let k = months; k >= 0; k--) {
    const e = await segmentExposures(store, addMonths(asOf, -k), bounds, currency, by, false);
    // A month-end with nothing open (or no FX rate yet) contributes nothing to the flows.
    out.push(e.ok ? e.value : new Map());
  }
  return out;
}

/** One provision matrix per segment, with its own (or the query's, or derived) rates and factor, then summed. */
async function bySegment(
  store: LedgerReads,
  q: EclQuery,
  by: EclSegmentBy,
  asOf: BusinessDate,
  labels: readonly string[],
  currency: CurrencyCode,
): Promise<Result<EclResult, Failure>> {
  const bounds = q.bounds ?? ECL_BOUNDS;
  const months = q.months ?? 12;
  const now = await segmentExposures(store, asOf, bounds, currency, by);
  if (!now.ok) return now;
  const given = (s: string) => q.segments?.[s]?.rates ?? q.rates;
  const derive = [...now.value.keys()].some((s) => given(s) === undefined);
  const history = derive ? await segmentHistory(store, asOf, months, bounds, currency, by) : [];
  const segments: EclSegment[] = [];
  for (const [segment, e] of now.value) {
    let rates = given(segment);
    if (rates === undefined) {
      const snapshots = history.map((h) => [...(h.get(segment)?.amounts ?? labels.map(() => 0n))]);
      const derived = rollRateLossRates(snapshots).rates;
      rates = Object.fromEntries(labels.map((l, j) => [l, derived[j] as Fraction]));
    }
    const factor = q.segments?.[segment]?.factor ?? q.factor ?? ONE;
    const buckets: ExposureBucket[] = labels.map((label, j) => {
      const insured = e.insured[j] ?? 0n;
      const covered = e.covered[j];
      return { label, exposure: e.amounts[j] ?? 0n, ...(insured > 0n && covered ? { insured, covered } : {}) };
    });
    const m = provisionMatrix(buckets, rates, { factor });
    if (!m.ok) return fail(m.error.code, { ...m.error.params, segment });
    const source: EclRatesSource =
      given(segment) !== undefined ? { source: 'given' } : { source: 'roll-rates', months };
    segments.push({ segment, factor, rates: source, buckets: m.value.buckets, total: m.value.total });
  }
  const buckets: ProvisionRow[] = labels.map((label, j) => {
    let exposure = 0n;
    let insured = 0n;
    let provision = 0n;
    for (const s of segments) {
      const b = s.buckets[j];
      exposure += b?.exposure ?? 0n;
      insured += b?.insured ?? 0n;
      provision += b?.provision ?? 0n;
    }
    const lossRate = exposure > 0n ? { num: provision, den: exposure } : ZERO;
    return { label, exposure, lossRate, provision, ...(insured > 0n ? { insured } : {}) };
  });
  return ok({
    asOf,
    currency,
    buckets,
    total: segments.reduce((t, s) => t + s.total, 0n),
    rates: derive ? { source: 'roll-rates', months } : { source: 'given' },
    segments,
  });
}
