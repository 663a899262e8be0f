import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import { type CheckInputs, decideOrder, parseCheckPolicy } from './decide';
import { type HoldEvent, holdInForce } from './order';

const EUR = 'EUR' as CurrencyCode;
const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8 };
const limit = (amount: bigint) => ({
  current: {
    amount,
    currency: EUR,
    kind: 'approved' as const,
    since: '2024-01-01' as BusinessDate,
    approvedBy: 'chief',
    eventId: 1,
  },
  pending: [],
});
const base: CheckInputs = {
  order: { amount: 12_000_00n, currency: EUR },
  limit: limit(100_000_00n),
  exposure: { currency: EUR, openReceivables: 50_000_00n, openOrders: 20_000_00n, deliveredNotInvoiced: 8_000_00n },
  oldestOverdueDays: 0,
};
const codes = (x: CheckInputs) => {
  const d = decideOrder(x, policy);
  return [d.decision, d.reasons.map((r) => r.code)];
};

describe('decideOrder', () => {
  it('approves within the limit and says how much is left', () => {
    const d = decideOrder(base, policy);
    expect([d.decision, d.exposureAfter]).toEqual(['approve', 90_000_00n]);
    expect(d.reasons).toEqual([{ code: 'within_limit', params: { headroom: '1000000' } }]);
  });
  it('refers an order that takes the exposure over the limit, by how much (the limit itself is allowed)', () => {
    expect(decideOrder({ ...base, limit: limit(90_000_00n) }, policy).decision).toBe('approve');
    const d = decideOrder({ ...base, limit: limit(89_999_99n) }, policy);
    expect([d.decision, d.reasons]).toEqual(['refer', [{ code: 'over_limit', params: { by: '1', limit: '8999999' } }]]);
  });
  it('holds on a credit hold or an invoice overdue beyond the hold threshold; refers beyond the refer one', () => {
    expect(codes({ ...base, oldestOverdueDays: 30 })).toEqual(['approve', ['within_limit']]);
    expect(codes({ ...base, oldestOverdueDays: 31 })).toEqual(['refer', ['overdue_beyond']]);
    expect(codes({ ...base, oldestOverdueDays: 61 })).toEqual(['hold', ['overdue_beyond_hold']]);
    expect(codes({ ...base, hold: { reason: 'bounced', since: '2024-06-01', by: 'chief' } })).toEqual([
      'hold',
      ['credit_hold'],
    ]);
  });
  it('refers without a limit, with an expired one, or a weak grade, listing every reason', () => {
    expect(codes({ ...base, limit: { pending: [] } })).toEqual(['refer', ['no_limit']]);
    const expired = { pending: [], expired: { amount: 1n, currency: EUR, expiredOn: '2024-05-31' as BusinessDate } };
    expect(codes({ ...base, limit: expired, grade: 9, oldestOverdueDays: 45 })).toEqual([
      'refer',
      ['overdue_beyond', 'limit_expired', 'grade_too_weak'],
    ]);
    expect(codes({ ...base, grade: 7 })).toEqual(['approve', ['within_limit']]);
  });
  it('refers an order on longer terms than its tier allows (terms by tier in the credit policy)', () => {
    const credit = {
      termsByTier: {
        low: { maxDays: 60, security: 'open_account' as const },
        medium: { maxDays: 30, security: 'partial_prepayment' as const, prepaymentBp: 3000 },
        high: { maxDays: 0, security: 'prepayment_or_lc' as const },
      },
    };
    const p = { ...policy, credit };
    const d = (tier: 'low' | 'medium' | 'high', termsDays?: number) => {
      const r = decideOrder({ ...base, tier, ...(termsDays !== undefined ? { termsDays } : {}) }, p);
      return [r.decision, r.reasons.map((x) => x.code)];
    };
    expect(d('low', 60)).toEqual(['approve', ['within_limit']]);
    expect(d('medium', 31)).toEqual(['refer', ['terms_beyond_tier']]);
    expect(d('high', 1)).toEqual(['refer', ['terms_beyond_tier']]);
    expect(d('high')).toEqual(['approve', ['within_limit']]);
    expect(decideOrder({ ...base, tier: 'medium', termsDays: 45 }, p).reasons[0]).toEqual({
      code: 'terms_beyond_tier',
      params: { days: 45, maxDays: 30, tier: 'medium' },
    });
    expect(codes({ ...base, tier: 'medium', termsDays: 90 })).toEqual(['approve', ['within_limit']]);
  });
  it('takes what securities cover off the exposure, never more than the exposure', () => {
    const over = { ...base, limit: limit(80_000_00n) };
    expect(codes(over)).toEqual(['refer', ['over_limit']]);
    const d = decideOrder({ ...over, secured: 15_000_00n }, policy);
    expect([d.decision, d.exposureAfter, d.secured]).toEqual(['approve', 75_000_00n, 15_000_00n]);
    const all = decideOrder({ ...over, secured: 1_000_000_00n }, policy);
    expect([all.exposureAfter, all.secured]).toEqual([0n, 90_000_00n]);
    expect(decideOrder({ ...over, secured: -5n }, policy).secured).toBe(0n);
  });
  it('checks the policy', () => {
    expect(parseCheckPolicy(policy)).toEqual({ ok: true, value: policy });
    expect(parseCheckPolicy({ ...policy, referWhenOverdueDays: 90 }).ok).toBe(false);
  });
});

describe('holdInForce', () => {
  const h = (id: number, action: HoldEvent['action'], on: string): HoldEvent => ({
    id,
    buyerId: 'B1',
    action,
    reason: 'r',
    by: 'x',
    recordedOn: on as BusinessDate,
  });
  it('is the latest event by the date when it is a hold', () => {
    const events = [h(1, 'hold', '2024-01-10'), h(2, 'release', '2024-02-01'), h(3, 'hold', '2024-02-01')];
    expect(holdInForce(events, '2024-01-09' as BusinessDate)).toBeUndefined();
    expect(holdInForce(events, '2024-01-31' as BusinessDate)?.id).toBe(1);
    expect(holdInForce(events, '2024-02-01' as BusinessDate)?.id).toBe(3);
    expect(holdInForce(events.slice(0, 2), '2024-03-01' as BusinessDate)).toBeUndefined();
  });
});
