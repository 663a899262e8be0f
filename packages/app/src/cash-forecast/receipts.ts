import {
  type BusinessDate,
  type CurrencyCode,
  convert,
  type Failure,
  type FxRate,
  money,
  ok,
  type Result,
} from '@credence/core';
import type { DailyReceipts } from '../forecast/ports';

/** The receipts dated in [start, end] in one currency, each day's converted at `rateDate`'s rate (rounded once). */
export function receiptsIn(
  receipts: readonly DailyReceipts[],
  start: BusinessDate,
  end: BusinessDate,
  currency: CurrencyCode,
  rates: readonly FxRate[],
  rateDate: BusinessDate,
): Result<bigint, Failure> {
  let sum = 0n;
  for (const r of receipts) {
    if (r.date < start || r.date > end) continue;
    const c = convert(money(r.amount, r.currency), currency, rates, rateDate);
    if (!c.ok) return c;
    sum += c.value.amount;
  }
  return ok(sum);
}
