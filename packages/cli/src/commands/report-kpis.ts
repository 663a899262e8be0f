import { type KpiResult, reportKpis, type Store } from '@credence/app';
import type { BusinessDate, CurrencyCode, Failure } from '@credence/core';
import { renderCsv, renderTable } from '@credence/core';
import { dec, fmt } from '../format/money';
import type { OutputFormat } from './report-aging';

export interface KpiOptions {
  readonly asOf: BusinessDate;
  readonly from?: BusinessDate;
  readonly buyerId?: string;
  readonly format: OutputFormat;
  readonly reportingCurrency?: CurrencyCode;
  readonly locale?: string;
  /** How many buyers to list in the payment-behaviour table (slowest first). */
  readonly top?: number;
}

/** The documented JSON shape (docs/cli.md). */
export function kpisJson(r: KpiResult): unknown {
  return {
    from: r.from,
    asOf: r.asOf,
    currencies: r.perCurrency.map((k) => ({
      currency: k.currency,
      periodDays: k.periodDays,
      totalAr: dec(k.totalAr, k.currency),
      overdueAr: dec(k.overdueAr, k.currency),
      creditSales: dec(k.creditSales, k.currency),
      dso: k.dso,
      countbackDso: k.countbackDso,
      bestPossibleDso: k.bestPossibleDso,
      averageDaysDelinquent: k.averageDaysDelinquent,
      cei: k.cei,
      overduePercent: k.overduePercent,
    })),
    buyers: r.behaviour.map((b) => ({
      buyerId: b.buyerId,
      currency: b.currency,
      settledAmount: dec(b.settledAmount, b.currency),
      settlements: b.settlements,
      averageDaysToPay: b.averageDaysToPay,
      weightedDaysBeyondTerms: b.weightedDaysBeyondTerms,
    })),
    ...(r.reporting
      ? {
          reporting: {
            currency: r.reporting.currency,
            totalAr: dec(r.reporting.totalAr, r.reporting.currency),
            overdueAr: dec(r.reporting.overdueAr, r.reporting.currency),
          },
        }
      : {}),
  };
}

const num = (x: number | null, suffix = '') => (x === null ? 'n/a' : `${x.toFixed(1)}${suffix}`);

export function kpisTable(r: KpiResult, names: ReadonlyMap<string, string>, locale?: string, top = 10): string {
  const ks = r.perCurrency;
  const rows: [string, (k: (typeof ks)[number]) => string][] = [
    ['Open receivables', (k) => fmt(k.totalAr, k.currency, locale)],
    ['Overdue', (k) => fmt(k.overdueAr, k.currency, locale)],
    ['Overdue %', (k) => num(k.overduePercent, ' %')],
    ['Net credit sales in period', (k) => fmt(k.creditSales, k.currency, locale)],
    ['DSO (standard)', (k) => num(k.dso, ' d')],
    ['DSO (countback)', (k) => num(k.countbackDso, ' d')],
    ['Best possible DSO', (k) => num(k.bestPossibleDso, ' d')],
    ['ADD (avg days delinquent)', (k) => num(k.averageDaysDelinquent, ' d')],
    ['CEI', (k) => num(k.cei, ' %')],
  ];
  const head = `KPIs for ${r.from} … ${r.asOf} (${ks[0]?.periodDays ?? 0} days)`;
  const table = renderTable(
    [{ header: 'KPI' }, ...ks.map((k) => ({ header: k.currency, align: 'right' as const }))],
    rows.map(([label, f]) => [label, ...ks.map(f)]),
  );
  const parts = [head, ks.length ? table : 'No receivables in this period.'];
  if (r.reporting) {
    parts.push(
      `Total open ${r.reporting.currency} ${fmt(r.reporting.totalAr, r.reporting.currency, locale)}, overdue ${fmt(r.reporting.overdueAr, r.reporting.currency, locale)} (converted at the rates in force on ${r.asOf})`,
    );
  }
  const slow = [...r.behaviour].sort((a, b) => b.weightedDaysBeyondTerms - a.weightedDaysBeyondTerms).slice(0, top);
  if (slow.length) {
    parts.push(
      `Payment behaviour in the period (${slow.length === r.behaviour.length ? 'all buyers' : `slowest ${slow.length} of ${r.behaviour.length}`})`,
      renderTable(
        [
          { header: 'Buyer' },
          { header: 'Cur' },
          { header: 'Paid in period', align: 'right' },
          { header: 'Avg days to pay', align: 'right' },
          { header: 'Weighted DBT', align: 'right' },
        ],
        slow.map((b) => [
          `${b.buyerId} ${names.get(b.buyerId) ?? ''}`.trim().slice(0, 40),
          b.currency,
          fmt(b.settledAmount, b.currency, locale),
          num(b.averageDaysToPay),
          num(b.weightedDaysBeyondTerms),
        ]),
      ),
    );
  }
  return parts.join('\n\n');
}

export function kpisCsv(r: KpiResult): string {
  const header = [
    'currency',
    'from',
    'as_of',
    'total_ar',
    'overdue_ar',
    'credit_sales',
    'dso',
    'countback_dso',
    'best_possible_dso',
    'add',
    'cei',
    'overdue_percent',
  ];
  const s = (x: number | null) => (x === null ? '' : String(x));
  return renderCsv(
    header,
    r.perCurrency.map((k) => [
      k.currency,
      r.from,
      r.asOf,
      dec(k.totalAr, k.currency),
      dec(k.overdueAr, k.currency),
      dec(k.creditSales, k.currency),
      s(k.dso),
      s(k.countbackDso),
      s(k.bestPossibleDso),
      s(k.averageDaysDelinquent),
      s(k.cei),
      s(k.overduePercent),
    ]),
    header.slice(3),
  );
}

export async function runReportKpis(
  store: Store,
  o: KpiOptions,
): Promise<{ ok: true; text: string } | { ok: false; error: Failure }> {
  const res = await reportKpis(store, {
    asOf: o.asOf,
    ...(o.from ? { from: o.from } : {}),
    ...(o.buyerId ? { buyerId: o.buyerId } : {}),
    ...(o.reportingCurrency ? { reportingCurrency: o.reportingCurrency } : {}),
    withBuyerNames: o.format === 'table',
  });
  return res.ok ? { ok: true, text: kpisText(res.value, o.format, o.locale, o.top) } : res;
}

/** The KPIs in a format (the buyers' names from the result; `top` buyers in the payment-behaviour table). */
export function kpisText(r: KpiResult, format: OutputFormat, locale?: string, top?: number): string {
  if (format === 'json') return JSON.stringify(kpisJson(r), null, 2);
  if (format === 'csv') return kpisCsv(r);
  return kpisTable(r, new Map(Object.entries(r.buyerNames ?? {})), locale, top);
}
