import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money';
import { type CreditPolicy, firstOrderCap, parseCreditPolicy } from './policy';

const good: CreditPolicy = {
  keyAccounts: { shareBp: 2000, currency: 'EUR', months: 12, reviewMonths: { key: 3, simplified: 12 } },
  termsByTier: {
    low: { maxDays: 60, security: 'open_account' },
    medium: { maxDays: 30, security: 'partial_prepayment', prepaymentBp: 3000 },
    high: { maxDays: 0, security: 'prepayment_or_lc' },
  },
  newBuyers: { firstOrderCap: { EUR: '10000.00' }, probationOrders: 3, probationMonths: 6 },
  securities: { expiryWarnDays: 30 },
};

describe('parseCreditPolicy', () => {
  it('accepts the sections, each optional', () => {
    expect(parseCreditPolicy(good)).toEqual({ ok: true, value: good });
    expect(parseCreditPolicy({}).ok).toBe(true);
  });
  it('lists every bad section', () => {
    const r = parseCreditPolicy({
      keyAccounts: { ...good.keyAccounts, shareBp: 0 },
      termsByTier: { low: good.termsByTier?.low, medium: good.termsByTier?.medium },
      newBuyers: { ...good.newBuyers, firstOrderCap: { EUR: '10.001' } },
      securities: { expiryWarnDays: -1 },
    });
    expect(r.ok).toBe(false);
    const reason = r.ok ? '' : String(r.error.params.reason);
    for (const s of ['keyAccounts', 'termsByTier', 'newBuyers', 'securities']) expect(reason).toContain(s);
    expect(parseCreditPolicy([]).ok).toBe(false);
  });
  it('gives the first-order cap in minor units of the currency asked, none for another', () => {
    expect(firstOrderCap(good, 'EUR' as CurrencyCode)).toBe(1_000_000n);
    expect(firstOrderCap(good, 'USD' as CurrencyCode)).toBeUndefined();
  });
});
