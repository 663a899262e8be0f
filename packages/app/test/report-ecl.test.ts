import { date, parseFraction, percentText, rollRateLossRates } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { addInsurancePolicy } from '../src/insurance/add-insurance-policy';
import { INSURER_DECISION_COLUMNS, importInsurerDecisions } from '../src/insurance/import-insurer-decisions';
import { reportAging } from '../src/reports/report-aging';
import { reportEcl } from '../src/reports/report-ecl';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const rate = (s: string) => {
  const f = parseFraction(s);
  if (!f.ok) throw new Error(s);
  return f.value;
};
const IFRS = { not_due: '0.3%', '1-30': '1.6%', '31-60': '3.6%', '61-90': '6.6%', '90+': '10.6%' };
const given = Object.fromEntries(Object.entries(IFRS).map(([k, v]) => [k, rate(v)]));

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2')]);
  // Monthly invoices of 1000.00 from B1 paid 45 days late at most, and B2's never paid.
  const rows: string[][] = [];
  const pays: string[][] = [];
  for (let m = 1; m <= 12; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push([`A-${m}`, 'B1', `2023-${mm}-01`, `2023-${mm}-28`, '1000.00', 'EUR']);
    rows.push([`N-${m}`, 'B2', `2023-${mm}-05`, `2023-${mm}-20`, '250.00', 'EUR']);
    if (m < 12)
      pays.push([
        `P-${m}`,
        'B1',
        `2023-${String(m + 1).padStart(2, '0')}-${m % 2 === 0 ? '25' : '10'}`,
        '1000.00',
        'EUR',
        `A-${m}`,
      ]);
  }
  expect((await importDocuments(store, source('inv.csv', INVOICE_HEADER, rows))).ok).toBe(true);
  expect((await importPayments(store, source('pay.csv', PAYMENT_HEADER, pays))).ok).toBe(true);
});

describe('reportEcl', () => {
  it('given rates: the aging buckets times the rates, rounded once per bucket', async () => {
    const asOf = date('2023-12-31');
    const r = await reportEcl(store, { asOf, rates: given });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const aging = await reportAging(store, { asOf, bounds: [30, 60, 90] });
    if (!aging.ok) throw new Error('aging');
    const exposures = aging.value.reports[0]?.buckets.map((b) => b.amount) ?? [];
    expect(r.value.buckets.map((b) => b.exposure)).toEqual(exposures);
    expect(r.value.currency).toBe('EUR');
    expect(r.value.rates).toEqual({ source: 'given' });
    // 90+: B2's 250.00 invoices due 2023-01-20 … 2023-09-20 = 9 × 250.00 = 2250.00 → 10.6 % = 238.50
    expect(r.value.buckets[4]).toMatchObject({ label: '90+', exposure: 225000n, provision: 23850n });
    expect(r.value.total).toBe(r.value.buckets.reduce((s, b) => s + b.provision, 0n));
  });

  it('a forward-looking factor multiplies every rate; a missing bucket rate is an error', async () => {
    const asOf = date('2023-12-31');
    const r = await reportEcl(store, { asOf, rates: given, factor: rate('1.5') });
    expect(r.ok && percentText(r.value.buckets[0]?.lossRate ?? { num: 0n, den: 1n })).toBe('0.45%');
    const missing = await reportEcl(store, { asOf, rates: { not_due: rate('1%') } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'missing_field', params: { label: '1-30' } } });
  });

  it('derived rates: roll rates of the month-end agings over the months before the date', async () => {
    const asOf = date('2023-12-31');
    const r = await reportEcl(store, { asOf, months: 6 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const snapshots: bigint[][] = [];
    for (const d of [
      '2023-06-30',
      '2023-07-31',
      '2023-08-31',
      '2023-09-30',
      '2023-10-31',
      '2023-11-30',
      '2023-12-31',
    ]) {
      const a = await reportAging(store, { asOf: date(d), bounds: [30, 60, 90] });
      snapshots.push(a.ok ? (a.value.reports[0]?.buckets.map((b) => b.amount) ?? []) : []);
    }
    const { rates } = rollRateLossRates(snapshots);
    expect(r.value.buckets.map((b) => b.lossRate)).toEqual(rates);
    expect(r.value.rates).toEqual({ source: 'roll-rates', months: 6 });
    expect(r.value.buckets[4]?.provision).toBe(r.value.buckets[4]?.exposure);
  });

  it('--compare gives the figures as of the earlier date and the movement', async () => {
    const r = await reportEcl(store, { asOf: date('2023-12-31'), rates: given, compare: date('2023-06-30') });
    if (!r.ok || r.value.compare === undefined) throw new Error('no compare');
    const before = await reportEcl(store, { asOf: date('2023-06-30'), rates: given });
    expect(before.ok && r.value.compare.total).toBe(before.ok ? before.value.total : -1n);
    expect(r.value.compare.movement).toBe(r.value.total - r.value.compare.total);
  });

  it('an insured part carries no loss for the share its cover pays (the policy rule decides what is insured)', async () => {
    const asOf = date('2023-12-31');
    const before = await reportEcl(store, { asOf, rates: given });
    if (!before.ok) throw new Error(JSON.stringify(before.error));
    const body = {
      insurer: 'X',
      policyNumber: 'P-1',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      currency: 'EUR',
      countries: ['DE'],
      coverPercent: 90,
    };
    expect((await addInsurancePolicy(store, { body, reason: '', by: 'cora' })).ok).toBe(true);
    const row = ['B2', 'approve', '1000.00', 'EUR', '2023-01-01', '', 'D-1'];
    const decisions = {
      file: 'decisions.csv',
      columns: INSURER_DECISION_COLUMNS,
      rows: [{ row: 2, values: Object.fromEntries(INSURER_DECISION_COLUMNS.map((c, j) => [c, row[j] ?? ''])) }],
    };
    expect((await importInsurerDecisions(store, decisions, { by: 'cora' })).ok).toBe(true);
    const after = await reportEcl(store, { asOf, rates: given });
    if (!after.ok) throw new Error(JSON.stringify(after.error));
    // B2's limit of 1,000.00 insures its first four unpaid invoices of 250.00 (January to April, all 90+ days
    // overdue); the later ones find the limit used. 90+: (2,250.00 − 1,000.00 × 90 %) × 10.6 % = 143.10, not 238.50.
    expect(after.value.buckets[4]).toMatchObject({
      label: '90+',
      exposure: 225000n,
      insured: 100000n,
      provision: 14310n,
    });
    // The other buckets are B1's, uninsured: unchanged.
    expect(after.value.buckets.slice(0, 4)).toEqual(before.value.buckets.slice(0, 4));
    expect(after.value.total).toBe(before.value.total - 23850n + 14310n);
  });

  it('by segment: a matrix per country with its own factor; the portfolio buckets are their sums', async () => {
    await store.transact((tx) => tx.upsertBuyers([{ ...buyer('B2'), country: 'FR' }]));
    const asOf = date('2023-12-31');
    const r = await reportEcl(store, { asOf, rates: given, by: 'country', segments: { FR: { factor: rate('1.5') } } });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const seg = (name: string) => r.value.segments?.find((x) => x.segment === name);
    // DE (B1): only A-12, 1,000.00 due 2023-12-28, is open: 1-30 × 1.6 % = 16.00.
    expect(seg('DE')?.buckets.map((b) => b.provision)).toEqual([0n, 1600n, 0n, 0n, 0n]);
    // FR (B2): 250.00 in each of 1-30, 31-60, 61-90 and 2,250.00 in 90+, every rate × 1.5:
    // 6.00 + 13.50 + 24.75 + 357.75 = 402.00.
    expect(seg('FR')?.buckets.map((b) => b.provision)).toEqual([0n, 600n, 1350n, 2475n, 35775n]);
    expect(seg('FR')?.total).toBe(40200n);
    expect(r.value.total).toBe(41800n);
    // The 1-30 bucket of the portfolio: 1,250.00 exposed, 22.00 provided, an effective rate of 1.76 %.
    expect(r.value.buckets[1]).toMatchObject({ exposure: 125000n, provision: 2200n });
    expect(percentText(r.value.buckets[1]?.lossRate ?? { num: 0n, den: 1n })).toBe('1.76%');
  });

  it('by insured part: the insured segment at its own rates, reduced by the cover; the rest uninsured', async () => {
    const asOf = date('2023-12-31');
    const body = {
      insurer: 'X',
      policyNumber: 'P-1',
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      currency: 'EUR',
      countries: ['DE'],
      coverPercent: 90,
    };
    expect((await addInsurancePolicy(store, { body, reason: '', by: 'cora' })).ok).toBe(true);
    const row = ['B2', 'approve', '1000.00', 'EUR', '2023-01-01', '', 'D-1'];
    const decisions = {
      file: 'decisions.csv',
      columns: INSURER_DECISION_COLUMNS,
      rows: [{ row: 2, values: Object.fromEntries(INSURER_DECISION_COLUMNS.map((c, j) => [c, row[j] ?? ''])) }],
    };
    expect((await importInsurerDecisions(store, decisions, { by: 'cora' })).ok).toBe(true);
    const low = Object.fromEntries(Object.keys(IFRS).map((k) => [k, rate('5%')]));
    const r = await reportEcl(store, { asOf, rates: given, by: 'insured', segments: { insured: { rates: low } } });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const seg = (name: string) => r.value.segments?.find((x) => x.segment === name);
    // Insured: 1,000.00 in 90+, of which the cover pays 900.00: (1,000.00 − 900.00) × 5 % = 5.00.
    expect(seg('insured')?.buckets[4]).toMatchObject({ exposure: 100000n, insured: 100000n, provision: 500n });
    // Uninsured 90+: 2,250.00 − 1,000.00 = 1,250.00 × 10.6 % = 132.50.
    expect(seg('uninsured')?.buckets[4]).toMatchObject({ exposure: 125000n, provision: 13250n });
    expect(r.value.buckets[4]).toMatchObject({ exposure: 225000n, insured: 100000n, provision: 13750n });
  });
});
