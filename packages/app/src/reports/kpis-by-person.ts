import {
  addDays,
  type BusinessDate,
  type CurrencyCode,
  computeKpis,
  daysInMonth,
  fail,
  type Kpis,
  money,
  ok,
  type Result,
  toDecimalString,
} from '@credence/core';

/** Who the KPIs are grouped by: the buyer's sales owner or its collector (master data). */
export type KpiPerson = 'sales_owner' | 'collector';

/** One calendar month (or the part of it in the report's period). */
export interface KpiMonth {
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

/** The KPI inputs of one person's buyers, in one currency, for one month of `months` (index `month`). */
export interface PersonKpiRow {
  /** The sales owner or collector; '' for buyers with none. */
  readonly person: string;
  readonly currency: CurrencyCode;
  readonly month: number;
  readonly totalAr: bigint;
  readonly currentAr: bigint;
  readonly beginningAr: bigint;
  readonly creditSales: bigint;
  /** Payments applied to invoices in the month (net of reversals). */
  readonly collected: bigint;
}

export interface PersonKpiReads {
  /**
   * Per person, currency and month: total, current and beginning AR, credit sales and cash collected, over the
   * buyers whose `by` is that person — one grouped statement for every person and month, not buyer by buyer.
   */
  personKpiInputs(by: KpiPerson, months: readonly KpiMonth[]): Promise<PersonKpiRow[]>;
}

export interface PersonKpiMonth {
  readonly month: string;
  readonly kpis: Kpis;
  readonly collected: bigint;
}

export interface PersonKpis {
  readonly person: string;
  readonly currency: CurrencyCode;
  readonly months: readonly PersonKpiMonth[];
}

export interface KpisByPersonReport {
  readonly by: KpiPerson;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
  readonly people: readonly PersonKpis[];
}

/** The calendar months of [from, to], each cut to the period: 2026-01-15 … 2026-03-10 gives three. */
export function kpiMonths(from: BusinessDate, to: BusinessDate): KpiMonth[] {
  const out: KpiMonth[] = [];
  let start = from;
  while (start <= to) {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const end = `${start.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}` as BusinessDate;
    const stop = end < to ? end : to;
    out.push({ from: start, to: stop });
    start = addDays(end, 1);
  }
  return out;
}

/**
 * DSO, overdue %, CEI and cash collected per sales owner or collector, month by month (docs/domain/kpis.md): each
 * month is its own period, the formulas are core `computeKpis`'s.
 */
export async function reportKpisByPerson(
  store: PersonKpiReads,
  q: { readonly by: KpiPerson; readonly from: BusinessDate; readonly to: BusinessDate },
): Promise<Result<KpisByPersonReport>> {
  if (q.from > q.to) return fail('invalid_argument', { from: q.from, to: q.to, reason: 'from_after_to' });
  const months = kpiMonths(q.from, q.to);
  if (months.length > 36) return fail('invalid_argument', { reason: 'more_than_36_months' });
  const rows = await store.personKpiInputs(q.by, months);
  const groups = new Map<string, PersonKpiRow[]>();
  for (const r of rows) {
    const key = `${r.person}\u0000${r.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const people = [...groups.values()].map((rs) => {
    const first = rs[0] as PersonKpiRow;
    const at = new Map(rs.map((r) => [r.month, r]));
    return {
      person: first.person,
      currency: first.currency,
      months: months.map((m, k) => {
        const r = at.get(k);
        return {
          month: m.from.slice(0, 7),
          kpis: computeKpis({
            currency: first.currency,
            from: m.from,
            asOf: m.to,
            totalAr: r?.totalAr ?? 0n,
            currentAr: r?.currentAr ?? 0n,
            beginningAr: r?.beginningAr ?? 0n,
            creditSales: r?.creditSales ?? 0n,
            monthlySales: [],
          }),
          collected: r?.collected ?? 0n,
        };
      }),
    };
  });
  people.sort((a, b) => (a.person === b.person ? (a.currency < b.currency ? -1 : 1) : a.person < b.person ? -1 : 1));
  return ok({ by: q.by, from: q.from, to: q.to, people });
}

/** `report kpis --by … --format json` and `GET /reports/kpis?by=…`: amounts as decimal strings in each currency. */
export function kpisByPersonJson(r: KpisByPersonReport) {
  return {
    by: r.by === 'sales_owner' ? 'sales-owner' : 'collector',
    from: r.from,
    to: r.to,
    people: r.people.map((p) => ({
      person: p.person,
      currency: p.currency,
      months: p.months.map((m) => ({
        month: m.month,
        from: m.kpis.from,
        to: m.kpis.asOf,
        dso: m.kpis.dso,
        overduePercent: m.kpis.overduePercent,
        cei: m.kpis.cei,
        collected: toDecimalString(money(m.collected, p.currency)),
        totalAr: toDecimalString(money(m.kpis.totalAr, p.currency)),
        overdueAr: toDecimalString(money(m.kpis.overdueAr, p.currency)),
        creditSales: toDecimalString(money(m.kpis.creditSales, p.currency)),
      })),
    })),
  };
}
