import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type BusinessDate, date } from '../calendar/date';
import { dateOfLoss, indemnityDueDate, settleClaim } from './claim';
import { buyerDeadlines, deadlinesDue } from './deadlines';
import { buyerExposure, quoteDelivery } from './exposure';
import { type InsuranceInvoice, insureInvoices } from './insured';
import { type LimitEvent, limitInForce } from './limits';
import { mepOf } from './mep';
import type { InsurancePolicy } from './policy';
import { parseInsurancePolicy } from './policy-schema';
import { shareRecoveries } from './recoveries';

const d = date;
const policyOf = (over: Record<string, unknown> = {}): InsurancePolicy => {
  const p = parseInsurancePolicy({
    insurer: 'X',
    policyNumber: 'P1',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    currency: 'EUR',
    countries: ['DE'],
    discretionaryLimitMax: '20000.00',
    ...over,
  });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
const inv = (
  id: string,
  on: string,
  due: string,
  gross: bigint,
  paid: [string, bigint][] = [],
  vat = 0n,
): InsuranceInvoice => ({
  id,
  currency: 'EUR',
  invoiceDate: d(on),
  dueDate: d(due),
  gross,
  vat,
  settlements: paid.map(([dt, amount]) => ({ date: d(dt), amount })),
});
const B = { buyerId: 'B', country: 'DE' };

describe('policy terms', () => {
  it('fills the typical defaults and converts amounts to minor units', () => {
    const p = policyOf();
    expect([p.coverBp, p.maxCreditTermsDays, p.maxExtensionDays, p.waitingPeriodDays, p.indemnityDays]).toEqual([
      9000, 120, 60, 150, 30,
    ]);
    expect(p.notification).toEqual({ anchor: 'mep', days: 30 });
    expect(p.discretionaryLimitMax).toBe(2_000_000n);
    expect(p.exclusions).toEqual({ vat: true, affiliates: true, publicBuyers: true });
  });
  it('lists every problem', () => {
    const r = parseInsurancePolicy({
      insurer: 'X',
      policyNumber: 'P',
      periodStart: '2026-02-30',
      periodEnd: '2026-01-01',
      currency: 'EUR',
      countries: ['DE'],
      coverPercent: 90.123,
      deductiblePerBuyer: '1.234',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(String(r.error.params.reason)).toMatch(/periodStart.*coverPercent.*deductiblePerBuyer/);
    expect(parseInsurancePolicy({ insurer: 'X' }).ok).toBe(false);
    expect(
      parseInsurancePolicy({
        ...{
          insurer: 'X',
          policyNumber: 'P',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          currency: 'EUR',
          countries: ['DE'],
        },
        notificationRule: 'mep-3',
      }).ok,
    ).toBe(false);
  });
});

describe('limit in force', () => {
  const p = policyOf();
  it('withdrawal and reduction apply to deliveries after the decision date; expiry is the last day', () => {
    const ev: LimitEvent[] = [
      { kind: 'approved', date: d('2026-01-10'), amount: 1000n, expiry: d('2026-06-30') },
      { kind: 'withdrawn', date: d('2026-03-01') },
    ];
    expect(limitInForce(ev, d('2026-01-09'), p).amount).toBe(0n);
    expect(limitInForce(ev, d('2026-01-10'), p).amount).toBe(1000n);
    expect(limitInForce(ev, d('2026-03-01'), p).amount).toBe(1000n);
    expect(limitInForce(ev, d('2026-03-02'), p).reason).toBe('withdrawn');
    const ex: LimitEvent[] = [{ kind: 'approved', date: d('2026-01-10'), amount: 1000n, expiry: d('2026-06-30') }];
    expect(limitInForce(ex, d('2026-06-30'), p).amount).toBe(1000n);
    expect(limitInForce(ex, d('2026-07-01'), p).reason).toBe('expired');
  });
  it('discretionary: capped, 12 months from the report, ended by a decision or adverse information', () => {
    const ev: LimitEvent[] = [{ kind: 'discretionary', date: d('2026-02-15'), amount: 5_000_000n }];
    expect(limitInForce(ev, d('2026-02-14'), p).amount).toBe(0n);
    expect(limitInForce(ev, d('2026-02-15'), p)).toMatchObject({
      amount: 2_000_000n,
      reason: 'discretionary_capped',
      validUntil: '2027-02-15',
    });
    expect(limitInForce(ev, d('2027-02-16'), p).reason).toBe('discretionary_expired');
    const adverse: LimitEvent[] = [...ev, { kind: 'adverse_info', date: d('2026-05-01') }];
    expect(limitInForce(adverse, d('2026-05-01'), p).amount).toBe(2_000_000n);
    expect(limitInForce(adverse, d('2026-05-02'), p).reason).toBe('discretionary_ended_by_adverse_info');
    const decided: LimitEvent[] = [...ev, { kind: 'reduced', date: d('2026-04-01'), amount: 100n }];
    expect(limitInForce(decided, d('2026-04-02'), p)).toMatchObject({ amount: 100n, source: 'insurer' });
    const requested: LimitEvent[] = [{ kind: 'requested', date: d('2026-01-01'), amount: 9n }];
    expect(limitInForce(requested, d('2026-02-01'), p).reason).toBe('requested_only');
  });
});

describe('insured amounts', () => {
  const p = policyOf();
  const ev: LimitEvent[] = [{ kind: 'approved', date: d('2026-01-01'), amount: 100_000n }];
  it('excludes long terms, other countries, affiliates, public buyers and other currencies', () => {
    const long = inv('L', '2026-02-01', '2026-06-02', 500n);
    const ok = inv('K', '2026-02-01', '2026-06-01', 500n);
    const out = insureInvoices(B, [long, ok], ev, p);
    expect(out.map((x) => [x.invoiceId, x.insured, x.reasons])).toEqual([
      ['K', 500n, []],
      ['L', 0n, ['terms_too_long']],
    ]);
    expect(
      insureInvoices({ buyerId: 'F', country: 'FR', affiliate: true, publicBuyer: true }, [ok], ev, p)[0]?.reasons,
    ).toEqual(['buyer_country_not_covered', 'affiliate_excluded', 'public_buyer_excluded']);
    expect(insureInvoices(B, [{ ...ok, currency: 'USD' }], ev, p)[0]?.reasons).toEqual(['currency_not_covered']);
    expect(
      insureInvoices(
        B,
        [inv('V', '2026-02-01', '2026-03-01', 11_900n, [], 1_900n)],
        ev,
        policyOf({ exclusions: { vat: false } }),
      )[0]?.insured,
    ).toBe(11_900n);
  });
  it('a partial payment frees the uninsured part first, then the limit', () => {
    const a = inv('A', '2026-01-05', '2026-03-05', 150_000n, [
      ['2026-02-01', 40_000n],
      ['2026-02-10', 30_000n],
    ]);
    const b = inv('B', '2026-02-05', '2026-04-05', 50_000n);
    const c = inv('C', '2026-02-15', '2026-04-15', 50_000n);
    const out = insureInvoices(B, [a, b, c], ev, p);
    // A: 100 000 insured, 110 000 open on 02-05 → consumes 100 000; on 02-15 80 000 open → consumes 80 000.
    expect(out.map((x) => x.insured)).toEqual([100_000n, 0n, 20_000n]);
    expect(buyerExposure(B, [a, b, c], ev, p, d('2026-02-15'))).toMatchObject({
      receivables: 180_000n,
      insured: 100_000n,
      uninsured: 80_000n,
      headroom: 0n,
    });
  });
  it('quotes a delivery above the insured limit as partly uninsured', () => {
    const a = inv('A', '2026-01-05', '2026-03-05', 70_000n);
    const q = quoteDelivery(B, [a], ev, p, {
      date: d('2026-02-01'),
      dueDate: d('2026-04-01'),
      gross: 50_000n,
      vat: 0n,
      currency: 'EUR',
    });
    expect([q.insured, q.uninsured, q.headroom, q.reasons]).toEqual([30_000n, 20_000n, 30_000n, ['above_limit']]);
  });
  it('property: open insured exposure never exceeds the limit in force on any delivery date', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 200 }),
            amount: fc.bigInt({ min: 1n, max: 50_000n }),
            paidAfter: fc.option(fc.integer({ min: 0, max: 90 })),
          }),
          { maxLength: 12 },
        ),
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 200 }),
            amount: fc.bigInt({ min: 0n, max: 120_000n }),
            kind: fc.constantFrom('approved', 'reduced'),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (rows, decisions) => {
          const start = d('2026-01-01');
          const invoices = rows.map((r, i) => {
            const on = addDays(start, r.day);
            return inv(
              `I${String(i).padStart(2, '0')}`,
              on,
              addDays(on, 60),
              r.amount,
              r.paidAfter === null ? [] : [[addDays(on, r.paidAfter), r.amount]],
            );
          });
          const events: LimitEvent[] = decisions.map((x, i) => ({
            kind: x.kind as 'approved' | 'reduced',
            date: addDays(start, x.day),
            amount: x.amount,
            seq: i,
          }));
          const out = insureInvoices(B, invoices, events, p);
          for (const x of out) {
            expect(x.insured + x.consumedBefore <= x.limit.amount || x.insured === 0n).toBe(true);
            expect(x.insured <= x.eligible && x.insured >= 0n).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('MEP and deadlines', () => {
  const p = policyOf();
  const ev: LimitEvent[] = [{ kind: 'approved', date: d('2026-01-01'), amount: 100_000n, expiry: d('2026-12-31') }];
  it('MEP follows the oldest UNPAID insured invoice', () => {
    const a = inv('A', '2026-01-05', '2026-02-04', 1_000n, [['2026-03-20', 1_000n]]);
    const b = inv('B', '2026-01-20', '2026-03-01', 1_000n);
    const ins = insureInvoices(B, [a, b], ev, p);
    expect(mepOf(ins, [a, b], d('2026-03-19'), p)?.mep).toBe('2026-04-05');
    expect(mepOf(ins, [a, b], d('2026-03-20'), p)?.mep).toBe('2026-04-30');
    expect(mepOf(ins, [a, b], d('2026-05-01'), p)).toMatchObject({
      passed: true,
      notifyBy: '2026-05-30',
      overdueInvoiceIds: ['B'],
    });
  });
  it('lists every kind with days left; notified claims swap mep/notify for claim_file/indemnity', () => {
    const a = inv('A', '2026-01-05', '2026-02-04', 1_000n);
    const facts = {
      buyer: B,
      invoices: [a],
      events: ev,
      adverseInfo: [{ date: d('2026-03-25') }, { date: d('2026-03-01'), reportedOn: d('2026-03-02') }],
    };
    const asOf = d('2026-03-30');
    expect(buyerDeadlines(facts, p, asOf).map((x) => [x.kind, x.date, x.daysLeft])).toEqual([
      ['mep', '2026-04-05', 6],
      ['notify_overdue', '2026-05-05', 36],
      ['adverse_info', '2026-04-04', 5],
      ['limit_expiry', '2026-12-31', 276],
    ]);
    expect(deadlinesDue([facts], p, asOf, 30).map((x) => x.kind)).toEqual(['adverse_info', 'mep']);
    const claimed = {
      ...facts,
      adverseInfo: [],
      claim: { notifiedOn: d('2026-04-01'), insolvencyDate: d('2026-05-10'), expectedIndemnity: 900n },
    };
    expect(buyerDeadlines(claimed, p, asOf).map((x) => [x.kind, x.date])).toEqual([
      ['claim_file', '2026-05-10'],
      ['indemnity_expected', '2026-06-09'],
      ['limit_expiry', '2026-12-31'],
    ]);
    const filed = { ...claimed, claim: { ...claimed.claim, fileCompleteOn: d('2026-06-01') } };
    expect(buyerDeadlines(filed, p, asOf).map((x) => [x.kind, x.date])).toEqual([
      ['indemnity_expected', '2026-07-01'],
      ['limit_expiry', '2026-12-31'],
    ]);
  });
});

describe('claims', () => {
  it('insolvency before the end of the waiting period is the date of loss; later payments are recoveries', () => {
    const p = policyOf();
    expect(dateOfLoss(d('2026-04-01'), p, d('2026-05-10'))).toBe('2026-05-10');
    expect(dateOfLoss(d('2026-04-01'), p, d('2026-12-10'))).toBe('2026-08-29');
    expect(indemnityDueDate(d('2026-08-29'), p)).toBe('2026-09-28');
  });
  it('pre-loss payments go to the oldest debt whatever the buyer allocated; on the date of loss they still count', () => {
    const p = policyOf({ coverPercent: 80 });
    const ev: LimitEvent[] = [{ kind: 'approved', date: d('2026-01-01'), amount: 10_000n }];
    const old = inv('OLD', '2026-01-10', '2026-02-09', 10_000n);
    // The buyer pays the newer (uninsured) invoice; the payment still goes to the oldest debt.
    const young = inv('NEW', '2026-02-10', '2026-03-12', 6_000n, [
      ['2026-04-15', 4_000n],
      ['2026-08-29', 1_000n],
      ['2026-08-30', 500n],
    ]);
    const ins = insureInvoices(B, [old, young], ev, p);
    expect(ins.map((x) => x.insured)).toEqual([10_000n, 0n]);
    const c = settleClaim({ policy: p, invoices: [old, young], insured: ins, notifiedOn: d('2026-04-01') });
    expect(c.dateOfLoss).toBe('2026-08-29');
    expect(c.debts.map((x) => [x.invoiceId, x.preLossPaid, x.remaining, x.insuredLoss])).toEqual([
      ['OLD', 5_000n, 5_000n, 5_000n],
      ['NEW', 0n, 6_000n, 0n],
    ]);
    expect(c.indemnity).toBe(4_000n);
    // The 500 of 08-30 is a recovery: pro rata 4 000 / 11 000 of it → 181.8… → 182.
    expect(shareRecoveries(c, [{ date: d('2026-08-30'), amount: 500n }], 'pro-rata').owedToInsurer).toBe(182n);
  });
  it('property: recovery shares add up, never exceed the indemnity, and do not depend on splitting', () => {
    const p = policyOf();
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 1n, max: 3_000_000n }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('pro-rata' as const, 'fifo' as const),
        (a, b, recs, sharing) => {
          const invoices = [inv('X', '2026-01-10', '2026-02-10', a), inv('Y', '2026-01-20', '2026-02-20', b + 1n)];
          const ins = insureInvoices(B, invoices, [{ kind: 'approved', date: d('2026-01-01'), amount: 5_000_000n }], p);
          const c = settleClaim({ policy: p, invoices, insured: ins, notifiedOn: d('2026-04-01') });
          const dated = recs.map((amount, i) => ({ date: addDays(d('2026-09-01'), i) as BusinessDate, amount }));
          const s = shareRecoveries(c, dated, sharing);
          for (const x of s.shares) expect(x.insurer + x.insured).toBe(x.amount);
          expect(s.owedToInsurer <= c.indemnity).toBe(true);
          const total = recs.reduce((x, y) => x + y, 0n);
          expect(shareRecoveries(c, [{ date: d('2026-09-01'), amount: total }], sharing).owedToInsurer).toBe(
            s.owedToInsurer,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
