import { date, type GbdtModel, type GradingPolicy, type LimitPolicy, limitState } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { countryRiskTable } from '../src/grading/country-risk';
import { importDocuments } from '../src/import/import-documents';
import { decideLimitRequest } from '../src/limits/decide-limit-request';
import { limitDetail } from '../src/limits/limit-detail';
import { limitRecommendation } from '../src/limits/limit-recommendation';
import { recommendBuyerLimit } from '../src/limits/recommend-buyer-limit';
import { answerLimitRequest, requestLimit, setLimit } from '../src/limits/record-limit';
import { reviewsDue } from '../src/review/reviews-due';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
const today = date('2024-06-30');
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1')]);
});

const ask = { buyerId: 'B1', amount: 5_000_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new contract' };

describe('limit requests and approvals', () => {
  it('approves a request by someone else (four eyes), possibly lower, and keeps the whole trail', async () => {
    const req = await requestLimit(store, ask, today);
    if (!req.ok) throw new Error('request');
    const self = await answerLimitRequest(
      store,
      { buyerId: 'B1', requestId: req.value.id, approve: true, by: 'sam', reason: 'ok' },
      today,
    );
    expect(self).toMatchObject({ ok: false, error: { code: 'not_allowed', params: { reason: 'four_eyes' } } });
    const ok = await answerLimitRequest(
      store,
      { buyerId: 'B1', requestId: req.value.id, approve: true, amount: 4_000_000n, by: 'chief', reason: 'grade 5' },
      today,
    );
    expect(ok).toMatchObject({ ok: true, value: { kind: 'approval', amount: 4_000_000n, requestId: req.value.id } });
    const again = await answerLimitRequest(
      store,
      { buyerId: 'B1', requestId: req.value.id, approve: false, by: 'eve', reason: 'no' },
      today,
    );
    expect(again).toMatchObject({ ok: false, error: { params: { reason: 'already_answered' } } });
    const events = await store.limitEventsOf('B1');
    expect(events.map((e) => [e.kind, e.by])).toEqual([
      ['request', 'sam'],
      ['approval', 'chief'],
    ]);
    expect(limitState(events, today).current).toMatchObject({ amount: 4_000_000n, approvedBy: 'chief' });
  });

  it('sets temporary limits, and refuses unknown buyers, negative amounts, missing reasons and bad expiry', async () => {
    const t = await setLimit(store, { ...ask, by: 'chief', expiresOn: date('2024-07-31') }, today);
    expect(t).toMatchObject({ ok: true, value: { kind: 'temporary' } });
    expect(await setLimit(store, { ...ask, buyerId: 'NOPE' }, today)).toMatchObject({ error: { code: 'not_found' } });
    expect(await setLimit(store, { ...ask, amount: -1n }, today)).toMatchObject({ error: { code: 'invalid_amount' } });
    expect(await setLimit(store, { ...ask, reason: ' ' }, today)).toMatchObject({ error: { code: 'missing_field' } });
    expect(await setLimit(store, { ...ask, expiresOn: date('2024-06-01') }, today)).toMatchObject({
      error: { code: 'invalid_date' },
    });
    expect(
      await answerLimitRequest(store, { buyerId: 'B1', requestId: 99, approve: true, by: 'x', reason: 'y' }, today),
    ).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});

describe('recommendBuyerLimit', () => {
  const grading: GradingPolicy = {
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
  const limits: LimitPolicy = {
    netWorthShareBp: [1500, 1200, 1000, 800, 600, 500, 300, 200, 0, 0],
    workingCapitalShareBp: [3000, 2500, 2000, 1500, 1200, 1000, 600, 400, 0, 0],
    negativeWorkingCapitalBp: 5000,
    graceDays: 15,
    headroomBp: 2000,
    withoutFinancialsShareBp: 5000,
    prepaymentFromGrade: 9,
    roundTo: 1000,
  };
  const model: GbdtModel = { format: 'credence-gbdt/1', features: [], base: -4, trees: [], training: {} };
  const countries = countryRiskTable([{ iso3: 'DEU', classification: '-' }]);

  it("uses the last 12 months' sales, the grade and the statements", async () => {
    if (!countries.ok) throw new Error('countries');
    // 12 monthly invoices of 10,000.00 (one outside the 12 months), not yet due on the date.
    const rows = Array.from({ length: 13 }, (_, i) => {
      const m = new Date(Date.UTC(2023, 5 + i, 15)).toISOString().slice(0, 10);
      return [`I${i}`, 'B1', m, '2024-12-31', '10000', 'EUR'];
    });
    await importDocuments(store, source('i.csv', INVOICE_HEADER, rows));
    const advice = await recommendBuyerLimit(
      store,
      { model, policy: grading, countries: countries.value, limits },
      'B1',
      today,
    );
    // Sales 2023-07-01 … 2024-06-30: 12 × 10,000 → 10,000 a month; terms 30 + 15 grace → 15,000 + 20 % = 18,000;
    // no statements: half of it.
    expect(advice?.recommendation.figures[0]).toMatchObject({ method: 'expected_exposure', amount: 1_800_000n });
    expect(advice?.recommendation).toMatchObject({ amount: 900_000n, decidedBy: 'without_financials' });
    expect(advice?.grade.missing).toContain('financials');
  });

  it('limitRecommendation reads expected sales as a decimal of the buyer currency; unknown buyers are not found', async () => {
    if (!countries.ok) throw new Error('countries');
    const ctx = { model, policy: grading, countries: countries.value, limits };
    // 10,000.00 a month expected: 30 + 15 days → 15,000 + 20 % = 18,000; no statements: half of it.
    const r = await limitRecommendation(store, ctx, { buyerId: 'B1', asOf: today, expectedMonthlySales: '10000' });
    expect(r.ok && r.value.recommendation).toMatchObject({ amount: 900_000n, decidedBy: 'without_financials' });
    expect(
      await limitRecommendation(store, ctx, { buyerId: 'B1', asOf: today, expectedMonthlySales: '1.234' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid_amount', params: { reason: 'not_a_limit_amount', value: '1.234', currency: EUR } },
    });
    expect(await limitRecommendation(store, ctx, { buyerId: 'NOPE', asOf: today })).toMatchObject({
      error: { code: 'not_found', params: { what: 'buyer', id: 'NOPE' } },
    });
  });
});

describe('reviewsDue', () => {
  it('takes the last credit decision as the last review and lists due buyers first', async () => {
    await seedBuyers(store, [buyer('B2')]);
    await importDocuments(
      store,
      source('i.csv', INVOICE_HEADER, [['A', 'B1', '2022-01-01', '2022-01-31', '100', 'EUR']]),
    );
    await setLimit(store, { ...ask, by: 'chief', validFrom: date('2024-06-10') }, date('2024-06-10'));
    const r = await reviewsDue(store, today);
    // B1: a client since 2022 with no late payments: every 60 days from 2024-06-10. B2: never decided on.
    expect(r.map((x) => [x.buyerId, x.due, x.cadence, x.nextReview, x.reasons])).toEqual([
      ['B2', true, 'new_or_late', today, ['never_reviewed']],
      ['B1', false, 'long_standing', '2024-08-09', []],
    ]);
  });
});

describe('decideLimitRequest', () => {
  it('approves another amount given as a decimal of the request currency; a bad one is refused, nothing recorded', async () => {
    const req = must(await requestLimit(store, ask, today));
    const x = { buyerId: 'B1', requestId: req.id, approve: true, by: 'chief', reason: 'ok' };
    expect(await decideLimitRequest(store, { ...x, amount: '-1' }, today)).toMatchObject({
      error: { code: 'invalid_amount', params: { reason: 'not_a_limit_amount', value: '-1', currency: EUR } },
    });
    expect(await store.limitEventsOf('B1')).toHaveLength(1);
    const ok = await decideLimitRequest(store, { ...x, amount: '40000.50' }, today);
    expect(ok).toMatchObject({ ok: true, value: { kind: 'approval', amount: 4_000_050n, requestId: req.id } });
    expect(await decideLimitRequest(store, { ...x, requestId: 99, amount: 'x' }, today)).toMatchObject({
      error: { code: 'not_found' },
    });
  });
});

describe('limitDetail', () => {
  it('gives the limit in force on a date, the pending requests and every event', async () => {
    must(await setLimit(store, { ...ask, by: 'chief', validFrom: date('2024-06-01') }, today));
    const req = must(await requestLimit(store, { ...ask, amount: 6_000_000n }, today));
    const d = must(await limitDetail(store, { buyerId: 'B1', asOf: today }));
    expect(d.asOf).toBe(today);
    expect(d.current).toMatchObject({ amount: 5_000_000n, kind: 'approved', approvedBy: 'chief' });
    expect(d.pending.map((e) => e.id)).toEqual([req.id]);
    expect(d.events.map((e) => e.kind)).toEqual(['approval', 'request']);
    const before = must(await limitDetail(store, { buyerId: 'B1', asOf: date('2024-05-31') }));
    expect(before.current).toBeUndefined();
  });

  it('an unknown buyer is not found', async () => {
    expect(await limitDetail(store, { buyerId: 'NOPE', asOf: today })).toMatchObject({
      ok: false,
      error: { code: 'not_found', params: { what: 'buyer', id: 'NOPE' } },
    });
  });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
