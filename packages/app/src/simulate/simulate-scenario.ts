import { type BusinessDate, fail, money, ok, type Result, toDecimalString } from '@credence/core';
import { type Scenario, type SimFigures, type Simulation, simulate } from '@credence/core/simulate';
import type { LedgerReads } from '../ports';

/**
 * `credence simulate` / `POST /simulate`: the ledger's invoices as of the date (each paid on the day its balance
 * closed), the buyers' countries and latest grades and tiers, replayed under the scenario against the base case
 * (docs/domain/simulator.md). A read: nothing is stored.
 */
export async function simulateScenario(
  store: LedgerReads,
  scenario: Scenario,
  asOf: BusinessDate,
): Promise<Result<Simulation>> {
  const [history, grades] = await Promise.all([store.paymentHistory(asOf), store.latestGrades(asOf)]);
  const currencies = [...new Set(history.map((h) => h.currency))].sort();
  const currency = scenario.currency ?? (currencies.length === 1 ? currencies[0] : undefined);
  if (currency === undefined)
    return currencies.length === 0
      ? fail('not_found', { kind: 'invoices', asOf })
      : fail('invalid_argument', { reason: 'currency_needed', currencies: currencies.join(',') });
  const grade = new Map(grades.map((g) => [g.buyerId, g]));
  const countries = new Map(history.map((h) => [h.buyerId, h.country]));
  const buyers = [...countries].map(([buyerId, country]) => {
    const g = grade.get(buyerId);
    return { buyerId, country, ...(g ? { grade: g.grade, tier: g.tier } : {}) };
  });
  const invoices = history
    .filter((h) => h.currency === currency)
    .map((h) => ({
      number: h.number,
      buyerId: h.buyerId,
      issueDate: h.issueDate,
      dueDate: h.dueDate,
      amount: h.amount,
      ...(h.settledOn !== undefined ? { settledOn: h.settledOn } : {}),
    }));
  const r = simulate(invoices, currency, buyers, scenario, asOf);
  return r.ok ? ok(r.value) : r;
}

function figuresJson(f: SimFigures, s: Simulation) {
  const d = (a: bigint) => toDecimalString(money(a, s.currency));
  return {
    dso: f.kpis.dso,
    countbackDso: f.kpis.countbackDso,
    overduePercent: f.kpis.overduePercent,
    cei: f.kpis.cei,
    totalAr: d(f.kpis.totalAr),
    overdueAr: d(f.kpis.overdueAr),
    sales: d(f.sales),
    refusedSales: d(f.refusedSales),
    collected: d(f.collected),
    expectedLoss: d(f.expectedLoss),
    buckets: f.exposure.map((b) => ({ label: b.label, exposure: d(b.exposure), provision: d(b.provision) })),
  };
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((b - a) * 10) / 10);

/** `simulate --format json` and `POST /simulate`: amounts as decimal strings in `currency`. */
export function simulationJson(s: Simulation) {
  const d = (a: bigint) => toDecimalString(money(a, s.currency));
  return {
    asOf: s.asOf,
    from: s.from,
    currency: s.currency,
    seed: s.seed,
    base: figuresJson(s.base, s),
    scenario: figuresJson(s.scenario, s),
    difference: {
      dso: diff(s.base.kpis.dso, s.scenario.kpis.dso),
      overduePercent: diff(s.base.kpis.overduePercent, s.scenario.kpis.overduePercent),
      expectedLoss: d(s.scenario.expectedLoss - s.base.expectedLoss),
      collected: d(s.scenario.collected - s.base.collected),
    },
    weeks: s.weeks.map((w) => ({ from: w.from, to: w.to, base: d(w.base), scenario: d(w.scenario) })),
    changed: s.changed,
  };
}
