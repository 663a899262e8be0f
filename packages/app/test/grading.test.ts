import { date, type GbdtModel, type GradingPolicy } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { buyerBehaviour } from '../src/grading/buyer-behaviour';
import { buyerGrade } from '../src/grading/buyer-grade';
import { countryClass, countryRiskTable } from '../src/grading/country-risk';
import { gradeBuyerAsOf } from '../src/grading/grade-buyer-as-of';
import { runGrades } from '../src/grading/run-grades';
import { importDocuments } from '../src/import/import-documents';
import { importExternalGrades } from '../src/import/import-external-grades';
import { importPayments } from '../src/import/import-payments';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const policy: GradingPolicy = {
  basePd: 0.02,
  financialWeight: 0.5,
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
  behaviour: { perDayBeyondTerms: 0.03, maxDays: 90, perDayWorse: 0.02, overdueDays: 90, overdueLogOdds: 1 },
  perCountryClass: 0.15,
  bureauPerPoint: 0.02,
  industry: { low: -0.2, medium: 0, high: 0.4 },
  industries: {},
  insurer: { pdByGrade: [0.0005, 0.001, 0.002, 0.004, 0.008, 0.015, 0.03, 0.06, 0.12, 0.25], weight: 0.5 },
};
const model: GbdtModel = { format: 'credence-gbdt/1', features: ['Attr1'], base: -4, trees: [], training: {} };
const table = countryRiskTable([
  { iso3: 'DEU', classification: '-' },
  { iso3: 'CHN', classification: '2' },
]);
if (!table.ok) throw new Error('table');
const ctx = { model, policy, countries: table.value };

describe('countryClass', () => {
  it('finds alpha-2 and alpha-3 codes; unknown ones are undefined', () => {
    expect(countryClass(table.value, 'de')).toBe('unclassified');
    expect(countryClass(table.value, 'CN')).toBe(2);
    expect(countryClass(table.value, 'CHN')).toBe(2);
    expect(countryClass(table.value, 'FR')).toBeUndefined();
    expect(countryClass(table.value, 'XX')).toBeUndefined();
  });
  it('refuses a class outside 0 … 7', () => {
    expect(countryRiskTable([{ iso3: 'CHN', classification: '8' }]).ok).toBe(false);
  });
});

describe('gradeBuyerAsOf', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = new MemoryStore();
    await seedBuyers(store, [{ ...buyer('B1'), country: 'CN' }]);
    // Two invoices due 2024-01-31: one paid 30 days late, one still owed.
    await importDocuments(
      store,
      source('i.csv', INVOICE_HEADER, [
        ['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR'],
        ['B', 'B1', '2024-01-01', '2024-01-31', '50', 'EUR'],
      ]),
    );
    await importPayments(store, source('p.csv', PAYMENT_HEADER, [['P1', 'B1', '2024-03-01', '100', 'EUR', 'A']]));
  });

  it('reads behaviour, overdue items and country from the ledger and grades them', async () => {
    const r = await gradeBuyerAsOf(store, ctx, 'B1', date('2024-06-30'));
    // No payment in the last 3 months, so no 3-month figure; B is 151 days overdue on 2024-06-30.
    expect(r?.inputs).toEqual({ daysBeyondTerms: { months12: 30 }, oldestOverdueDays: 151, countryClass: 2 });
    // ln(0.02/0.98) + 30 × 0.03 + 1 + 2 × 0.15 = −1.6918: PD 15.5 %, grade 9.
    expect(r?.grade.reasons.map((x) => x.code)).toEqual([
      'no_financials',
      'days_beyond_terms',
      'long_overdue',
      'country_risk',
    ]);
    expect(r?.grade.pd).toBeCloseTo(1 / (1 + Math.exp(1.69182)), 5);
    expect(r?.grade.grade).toBe(9);
    expect(r?.grade.confidence).toBe('medium');
    expect(await gradeBuyerAsOf(store, ctx, 'NOPE', date('2024-06-30'))).toBeUndefined();
    expect(await buyerBehaviour(store, 'B1', 'EUR', date('2024-06-30'))).toEqual([
      { months: 3, settlements: 0, weightedDaysBeyondTerms: 0, lateShare: 0, longestDelayDays: 0 },
      { months: 6, settlements: 1, weightedDaysBeyondTerms: 30, lateShare: 1, longestDelayDays: 30 },
      { months: 12, settlements: 1, weightedDaysBeyondTerms: 30, lateShare: 1, longestDelayDays: 30 },
    ]);
  });
});

describe('runGrades', () => {
  it('records every buyer, replaces a re-run of the same date and reports changes since the last grade', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1'), buyer('B2')]);
    await importDocuments(
      store,
      source('i.csv', INVOICE_HEADER, [['A', 'B1', '2024-01-01', '2024-01-31', '100', 'EUR']]),
    );
    const first = await runGrades(store, ctx, date('2024-02-15'));
    expect(first.graded).toBe(2);
    expect(first.byGrade.reduce((a, b) => a + b, 0)).toBe(2);
    expect(first.changes).toEqual([]);
    const again = await runGrades(store, ctx, date('2024-02-15'));
    expect(again.changes).toEqual([]);
    expect(await store.gradesOf('B1')).toHaveLength(1);
    // By June, A is 151 days overdue: B1 is downgraded, B2 stays.
    const june = await runGrades(store, ctx, date('2024-06-30'));
    expect(june.changes.map((c) => [c.buyerId, c.from < c.to, c.since])).toEqual([['B1', true, '2024-02-15']]);
    expect(june.changes[0]?.reasons.map((r) => r.code)).toContain('long_overdue');
    expect((await store.gradesOf('B1')).map((g) => g.asOf)).toEqual(['2024-02-15', '2024-06-30']);
    expect((await store.gradesOn(date('2024-06-30'))).map((g) => g.buyerId)).toEqual(['B1', 'B2']);
  });

  it('buyerGrade gives the grade recorded on or before a date; none recorded yet, or no such buyer, is not found', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1')]);
    await runGrades(store, ctx, date('2024-02-15'));
    const june = await runGrades(store, ctx, date('2024-06-30'));
    const shown = await buyerGrade(store, { buyerId: 'B1', asOf: date('2024-07-10') });
    expect(shown.ok && [shown.value.buyerId, shown.value.asOf]).toEqual(['B1', '2024-06-30']);
    expect(shown.ok && shown.value.grade.grade).toBe(june.byGrade.findIndex((n) => n > 0) + 1);
    const march = await buyerGrade(store, { buyerId: 'B1', asOf: date('2024-03-01') });
    expect(march.ok && march.value.asOf).toBe('2024-02-15');
    expect(await buyerGrade(store, { buyerId: 'B1', asOf: date('2024-01-01') })).toEqual({
      ok: false,
      error: { code: 'not_found', params: { what: 'recorded grade', id: 'B1' } },
    });
    expect(await buyerGrade(store, { buyerId: 'NOPE', asOf: date('2024-07-10') })).toMatchObject({
      error: { code: 'not_found', params: { what: 'buyer' } },
    });
  });
});

describe('external grades', () => {
  it('imports insurer grades and bureau scores (checked), and the grade reads the latest by its date', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1')]);
    const header = ['buyer_id', 'date', 'source', 'value'];
    const bad = await importExternalGrades(
      store,
      source('x.csv', header, [
        ['B1', '2024-01-01', 'insurer', '11'],
        ['B1', '2024-01-01', 'bureau', '101'],
        ['B9', '2024-01-01', 'insurer', '3'],
      ]),
    );
    expect(bad.ok ? null : bad.error.errors.map((e) => [e.row, e.column, e.params.reason ?? e.code])).toEqual([
      [2, 'value', 'insurer_grade'],
      [3, 'value', 'bureau_score'],
      [4, 'buyer_id', 'unknown_buyer'],
    ]);
    const good = await importExternalGrades(
      store,
      source('x.csv', header, [
        ['B1', '2024-01-01', 'insurer', '3'],
        ['B1', '2024-05-01', 'insurer', '8'],
        ['B1', '2024-02-01', 'bureau', '35'],
      ]),
    );
    expect(good).toMatchObject({ ok: true, value: { created: 3 } });
    const april = await gradeBuyerAsOf(store, ctx, 'B1', date('2024-04-30'));
    expect([april?.inputs.insurerGrade, april?.inputs.bureauScore]).toEqual([3, 35]);
    const june = await gradeBuyerAsOf(store, ctx, 'B1', date('2024-06-30'));
    expect(june?.inputs.insurerGrade).toBe(8);
    expect(june?.grade.reasons.map((r) => r.code)).toContain('bureau_score');
    expect(june?.grade.missing).not.toContain('external grade');
  });
});
