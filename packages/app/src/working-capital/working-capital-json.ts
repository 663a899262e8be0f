import { money, toDecimalString } from '@credence/core';
import type { WorkingCapitalReport } from './report-working-capital';

/**
 * `report working-capital --format json` and `GET /working-capital`: amounts as decimal strings in the figures'
 * currency, ratios and days as the decimal strings the core rounded (null: no figure).
 */
export function workingCapitalJson(r: WorkingCapitalReport) {
  return {
    from: r.from,
    to: r.to,
    currency: r.months[0]?.currency ?? null,
    months: r.months.map((m) => {
      const d = (a: bigint) => toDecimalString(money(a, m.currency));
      return {
        month: m.month,
        days: m.days,
        receivables: d(m.receivables),
        receivablesFrom: m.receivablesFrom,
        currentAssets: d(m.currentAssets),
        currentLiabilities: d(m.currentLiabilities),
        workingCapital: d(m.workingCapital),
        workingCapitalRequirement: d(m.workingCapitalRequirement),
        currentRatio: m.currentRatio,
        quickRatio: m.quickRatio,
        cashRatio: m.cashRatio,
        dso: m.dso,
        dio: m.dio,
        dpo: m.dpo,
        cashConversionCycle: m.cashConversionCycle,
      };
    }),
    missing: r.missing,
    trend: r.trend.map((t) => ({ ...t })),
  };
}
