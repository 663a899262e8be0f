import { describe, expect, it } from 'vitest';
import { date, daysBetween } from '../calendar/date';
import { generatePaymentHistory } from '../forecast/testkit';
import type { CurrencyCode } from '../money/currency';
import type { SimBuyer, SimInvoice } from './replay';
import { parseScenario } from './scenario';
import { simulate } from './simulate';

const EUR = 'EUR' as CurrencyCode;
const asOf = date('2023-03-31');
const history = generatePaymentHistory(7, 24, 16);
const invoices: SimInvoice[] = history.map((i) => ({
  number: i.number,
  buyerId: i.buyerId,
  issueDate: i.issueDate,
  dueDate: i.dueDate,
  amount: BigInt(i.amount) * 100n,
  ...(i.settledDate !== undefined && i.settledDate <= asOf ? { settledOn: i.settledDate } : {}),
}));
// The slow payers are the high-risk tier: buyers whose mean delay is over 10 days.
const delay = new Map<string, number[]>();
for (const i of history) {
  if (i.settledDate === undefined) continue;
  delay.set(i.buyerId, [...(delay.get(i.buyerId) ?? []), daysBetween(i.dueDate, i.settledDate)]);
}
const buyers: SimBuyer[] = [...delay].map(([buyerId, ds]) => {
  const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
  return { buyerId, country: 'DE', tier: mean > 10 ? 'high' : 'low', grade: mean > 10 ? 8 : 3 };
});
const scenario = (json: unknown) => {
  const s = parseScenario(json);
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value;
};
const run = (json: unknown) => {
  const r = simulate(invoices, EUR, buyers, scenario(json), asOf);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('simulate', () => {
  it('the empty scenario is the base case', () => {
    const r = run({});
    expect(r.scenario).toEqual(r.base);
    expect(r.changed).toEqual({ dueMoved: 0, paidMoved: 0, responded: 0, refused: 0, defaulted: 0 });
    expect(r.weeks).toHaveLength(13);
    expect(r.weeks.every((w) => w.base === w.scenario)).toBe(true);
  });

  it('shorter terms for high-risk buyers lower DSO and the expected loss against the base case', () => {
    const r = run({ terms: [{ segment: { tier: 'high' }, days: 15 }] });
    expect(buyers.some((b) => b.tier === 'high')).toBe(true);
    expect(r.changed.dueMoved).toBeGreaterThan(0);
    expect(r.scenario.kpis.dso).not.toBeNull();
    expect(r.scenario.kpis.dso as number).toBeLessThan(r.base.kpis.dso as number);
    expect(r.scenario.expectedLoss).toBeLessThanOrEqual(r.base.expectedLoss);
    // Each moved invoice keeps its delay: paid − due is the same as in the history.
    for (const x of r.invoices) {
      if (x.baseSettledOn === undefined || x.settledOn === undefined || x.dueDate === x.baseDueDate) continue;
      if (x.settledOn === x.issueDate) continue;
      expect(daysBetween(x.dueDate, x.settledOn)).toBe(daysBetween(x.baseDueDate, x.baseSettledOn));
    }
  });

  it('the same seed gives the same figures; another seed other draws', () => {
    const dunning = { dunning: { baseFirstDay: 15, firstDay: 5, response: '50%' } };
    const a = run({ ...dunning, seed: 42 });
    const b = run({ ...dunning, seed: 42 });
    const c = run({ ...dunning, seed: 43 });
    expect(b).toEqual(a);
    expect(a.changed.responded).toBeGreaterThan(0);
    expect(c.invoices.map((x) => x.responded ?? false)).not.toEqual(a.invoices.map((x) => x.responded ?? false));
    expect(a.scenario.kpis.dso as number).toBeLessThan(a.base.kpis.dso as number);
  });

  it('a response of 100 % shortens every delay beyond the new first step by the days it moved', () => {
    const r = run({ dunning: { baseFirstDay: 20, firstDay: 10, response: '100%' } });
    for (const x of r.invoices) {
      if (x.baseSettledOn === undefined || x.settledOn === undefined) continue;
      const before = daysBetween(x.baseDueDate, x.baseSettledOn);
      const after = daysBetween(x.dueDate, x.settledOn);
      expect(after).toBe(before > 10 ? Math.max(10, before - 10) : before);
    }
  });

  it("a buyer's default: what it owed is lost, nothing more is sold to it", () => {
    const who = buyers[0]?.buyerId as string;
    const on = date('2023-02-15');
    const r = run({ defaults: [{ buyer: who, on }] });
    const mine = r.invoices.filter((x) => x.buyerId === who);
    expect(mine.filter((x) => x.issueDate > on).every((x) => x.refused === 'default')).toBe(true);
    const lost = mine.filter((x) => x.defaulted).reduce((s, x) => s + x.amount, 0n);
    expect(lost).toBeGreaterThan(0n);
    expect(r.scenario.exposure.find((b) => b.label === 'default')).toEqual({
      label: 'default',
      exposure: lost,
      provision: lost,
    });
  });

  it('a limit refuses the invoices that would exceed it', () => {
    const r = run({ limits: [{ segment: {}, amount: '1000.00' }] });
    expect(r.changed.refused).toBeGreaterThan(0);
    expect(r.scenario.refusedSales).toBeGreaterThan(0n);
    const byBuyer = new Map<string, typeof r.invoices>();
    for (const x of r.invoices) byBuyer.set(x.buyerId, [...(byBuyer.get(x.buyerId) ?? []), x]);
    for (const xs of byBuyer.values()) {
      const sold = xs.filter((x) => x.refused === undefined);
      for (const x of sold) {
        const open = sold.filter(
          (y) => y.issueDate <= x.issueDate && (y.settledOn === undefined || y.settledOn > x.issueDate),
        );
        expect(open.reduce((s, y) => s + y.amount, 0n)).toBeLessThanOrEqual(100_000n);
      }
    }
  });

  it('refuses a bad scenario with the field named', () => {
    expect(parseScenario({ terms: [{ segment: { tier: 'red' }, days: 15 }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_field', params: { field: 'terms.0.segment.tier' } },
    });
    expect(parseScenario({ dunning: { baseFirstDay: 15, firstDay: 5, response: '150%' } })).toMatchObject({
      ok: false,
    });
    expect(parseScenario({ surprise: 1 })).toMatchObject({ ok: false });
  });
});
