import {
  addDays,
  type BusinessDate,
  fail,
  monthEnd,
  nextMonth,
  ok,
  type Result,
  type WorkingCapitalMonth,
  type WorkingCapitalTrend,
  workingCapitalMonth,
  workingCapitalTrend,
  type YearMonth,
} from '@credence/core';
import type { LedgerReads } from '../ports';

export interface WorkingCapitalReport {
  readonly from: YearMonth;
  readonly to: YearMonth;
  /** Months with figures, in order (a month without figures is listed in `missing`). */
  readonly months: readonly WorkingCapitalMonth[];
  readonly missing: readonly YearMonth[];
  readonly trend: readonly WorkingCapitalTrend[];
}

/**
 * The seller's working-capital ratios month by month (docs/domain/working-capital.md). Receivables not entered
 * are the ledger's open receivables in the figures' currency at the month's end (`kpiInputs`' total AR).
 */
export async function reportWorkingCapital(
  store: LedgerReads,
  from: YearMonth,
  to: YearMonth,
): Promise<Result<WorkingCapitalReport>> {
  if (from > to) return fail('invalid_argument', { from, to, reason: 'from_after_to' });
  const stored = await store.workingCapitalMonths(from, to);
  const byMonth = new Map(stored.map((s) => [s.month as string, s]));
  const currencies = new Set(stored.map((s) => s.currency));
  if (currencies.size > 1)
    return fail('invalid_argument', { reason: 'mixed_currencies', currencies: [...currencies].join(',') });
  const months: WorkingCapitalMonth[] = [];
  const missing: YearMonth[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) {
    const f = byMonth.get(m);
    if (f === undefined) {
      missing.push(m);
      continue;
    }
    let ledger = 0n;
    if (f.receivables === undefined) {
      const last = monthEnd(m).last as BusinessDate;
      const inputs = await store.kpiInputs(addDays(last, 1 - monthEnd(m).days), last);
      ledger = inputs.find((i) => i.currency === f.currency)?.totalAr ?? 0n;
    }
    months.push(workingCapitalMonth(f, ledger));
  }
  return ok({ from, to, months, missing, trend: workingCapitalTrend(months) });
}
