import {
  type BusinessDate,
  type CurrencyCode,
  convertParts,
  type Failure,
  type Fraction,
  ok,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import { type InsuredPart, insuredParts, sumInsured } from './ecl-insured';
import { reportAging } from './report-aging';

/** How the provision matrix may be split: by the buyer's country, grade or risk tier, or insured and uninsured parts. */
export const ECL_SEGMENT_BY = ['country', 'grade', 'tier', 'insured'] as const;
export type EclSegmentBy = (typeof ECL_SEGMENT_BY)[number];

/** One segment's exposure per bucket in the reporting currency, its insured part and what the cover pays. */
export interface SegmentExposure {
  readonly amounts: readonly bigint[];
  readonly insured: readonly bigint[];
  readonly covered: readonly Fraction[];
}

/** A buyer without a recorded grade by the date. */
export const UNGRADED = 'ungraded';

async function segmentOfBuyer(
  store: LedgerReads,
  asOf: BusinessDate,
  by: Exclude<EclSegmentBy, 'insured'>,
): Promise<(buyerId: string) => string> {
  if (by === 'country') {
    const country = new Map((await store.listBuyers()).map((b) => [b.id, b.country]));
    return (id) => country.get(id) ?? '';
  }
  const grades = new Map((await store.latestGrades(asOf)).map((g) => [g.buyerId, g]));
  return (id) => {
    const g = grades.get(id);
    if (g === undefined) return UNGRADED;
    return by === 'tier' ? g.tier : String(g.grade);
  };
}

const zeros = (n: number): bigint[] => Array.from({ length: n }, () => 0n);
const add = (into: bigint[], xs: readonly bigint[]): void => {
  xs.forEach((x, j) => {
    into[j] = (into[j] ?? 0n) + x;
  });
};

/**
 * The aging as of `asOf` (the buyers' net positions, as `report aging`) split into segments, each converted into
 * `currency` per original currency at the FX rates in force on `asOf`. By country, grade or tier each buyer's aging
 * goes to its segment, with its insured parts; by `insured` the insured parts form the segment `insured` and the
 * rest of each bucket `uninsured`.
 */
export async function segmentExposures(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
  currency: CurrencyCode,
  by: EclSegmentBy,
  /** Read the insured parts (default). A month-end of the roll-rate history needs only the amounts, unless by insured. */
  withInsured = true,
): Promise<Result<Map<string, SegmentExposure>, Failure>> {
  const aging = await reportAging(store, { asOf, bounds, byBuyer: true });
  if (!aging.ok) return aging;
  const width = aging.value.labels.length;
  const covers = withInsured || by === 'insured' ? await insuredParts(store, asOf, bounds) : ok([]);
  if (!covers.ok) return covers;
  const rates = aging.value.reports.some((r) => r.currency !== currency) ? await store.fxRates() : [];
  const segmentOf: (buyerId: string) => string = by === 'insured' ? () => 'all' : await segmentOfBuyer(store, asOf, by);
  // Sum per segment and currency, then convert each sum once.
  const sums = new Map<string, Map<CurrencyCode, bigint[]>>();
  for (const r of aging.value.reports) {
    const s = segmentOf(r.buyerId ?? '');
    const perCurrency = sums.get(s) ?? new Map<CurrencyCode, bigint[]>();
    const row = perCurrency.get(r.currency) ?? zeros(width);
    add(
      row,
      r.buckets.map((b) => b.amount),
    );
    perCurrency.set(r.currency, row);
    sums.set(s, perCurrency);
  }
  const amounts = new Map<string, bigint[]>();
  for (const [s, perCurrency] of sums) {
    const total = zeros(width);
    for (const [from, row] of perCurrency) {
      const c = convertParts(row, from, currency, rates, asOf);
      if (!c.ok) return c;
      add(total, c.value.parts);
    }
    amounts.set(s, total);
  }
  const out = new Map<string, SegmentExposure>();
  if (by === 'insured') {
    const all = amounts.get('all') ?? zeros(width);
    const ins = await sumInsured(store, covers.value, width, currency, asOf);
    if (!ins.ok) return ins;
    const insured = ins.value.insured.map((x, j) => (x < (all[j] ?? 0n) ? x : (all[j] ?? 0n)));
    out.set('insured', { amounts: insured, insured, covered: ins.value.covered });
    const rest = all.map((x, j) => x - (insured[j] ?? 0n));
    out.set('uninsured', {
      amounts: rest,
      insured: zeros(width),
      covered: zeros(width).map(() => ({ num: 0n, den: 1n })),
    });
    return ok(out);
  }
  const partsOf = new Map<string, InsuredPart[]>();
  for (const p of covers.value) {
    const s = segmentOf(p.buyerId);
    partsOf.set(s, [...(partsOf.get(s) ?? []), p]);
  }
  for (const s of [...amounts.keys()].sort()) {
    const ins = await sumInsured(store, partsOf.get(s) ?? [], width, currency, asOf);
    if (!ins.ok) return ins;
    out.set(s, { amounts: amounts.get(s) ?? zeros(width), insured: ins.value.insured, covered: ins.value.covered });
  }
  return ok(out);
}
