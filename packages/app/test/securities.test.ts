import { date } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkOrder } from '../src/credit/check-order';
import { addSecurity } from '../src/credit-policy/add-security';
import { endSecurity } from '../src/credit-policy/end-security';
import { listSecurities } from '../src/credit-policy/list-securities';
import { answerLimitRequest, requestLimit, setLimit } from '../src/limits/record-limit';
import { buyer, EUR, seedBuyers, USD } from './fixtures';
import { MemoryStore } from './memory-store';

const credit = {
  termsByTier: {
    low: { maxDays: 60, security: 'open_account' as const },
    medium: { maxDays: 30, security: 'partial_prepayment' as const, prepaymentBp: 3000 },
    high: { maxDays: 0, security: 'prepayment_or_lc' as const },
  },
};
const policy = { holdWhenOverdueDays: 60, referWhenOverdueDays: 30, referFromGrade: 8, credit };
const asOf = date('2026-06-30');
let store: MemoryStore;
const guarantee = {
  buyerId: 'B1',
  securityId: 'G-1',
  terms: {
    kind: 'guarantee' as const,
    issuer: 'Parent AG',
    amount: 2_000_000n,
    currency: USD,
    validFrom: date('2026-01-01'),
    expiresOn: date('2026-07-15'),
  },
  reason: 'parent guarantee',
  by: 'cora',
};

beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1')]);
  await store.transact((tx) =>
    tx.insertFxRates([{ date: date('2026-01-01'), from: USD, to: EUR, rate: { coefficient: 5n, scale: 1 } }]),
  );
  await setLimit(
    store,
    { buyerId: 'B1', amount: 1_000_000n, currency: EUR, validFrom: date('2026-01-01'), by: 'chief', reason: 'r' },
    asOf,
  );
});

describe('securities', () => {
  it('records a guarantee once (a rerun is a no-op, other terms a conflict) and checks its terms', async () => {
    const a = await addSecurity(store, guarantee, asOf);
    expect(a.ok).toBe(true);
    expect(await addSecurity(store, guarantee, asOf)).toEqual(a);
    const other = { ...guarantee, terms: { ...guarantee.terms, amount: 1n } };
    expect(await addSecurity(store, other, asOf)).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });
    const noAmount = {
      ...guarantee,
      securityId: 'G-2',
      terms: { kind: 'guarantee' as const, issuer: 'x', validFrom: asOf },
    };
    expect(await addSecurity(store, noAmount, asOf)).toMatchObject({ ok: false, error: { code: 'missing_field' } });
    const rt = { kind: 'retention_of_title' as const, issuer: 'B1', validFrom: asOf, amount: 5n, currency: EUR };
    expect((await addSecurity(store, { ...guarantee, securityId: 'RT', terms: rt }, asOf)).ok).toBe(false);
    const backwards = { ...guarantee.terms, expiresOn: date('2025-12-31') };
    expect((await addSecurity(store, { ...guarantee, securityId: 'G-3', terms: backwards }, asOf)).ok).toBe(false);
    expect(await addSecurity(store, { ...guarantee, buyerId: 'NOPE' }, asOf)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('takes a guarantee in force off the exposure the check counts, converted; not once expired or ended', async () => {
    const order = { buyerId: 'B1', amount: 2_000_000n, currency: EUR, asOf };
    const before = await checkOrder(store, policy, order);
    expect(before).toMatchObject({ ok: true, value: { decision: 'refer', exposureAfter: 2_000_000n, secured: 0n } });
    await addSecurity(store, guarantee, asOf);
    // 20,000.00 USD × 0.5 = 10,000.00 EUR covered: 20,000.00 − 10,000.00 = 10,000.00, the limit itself.
    const after = await checkOrder(store, policy, order);
    expect(after).toMatchObject({
      ok: true,
      value: { decision: 'approve', exposureAfter: 1_000_000n, secured: 1_000_000n },
    });
    const expired = await checkOrder(store, policy, { ...order, asOf: date('2026-07-16') });
    expect(expired).toMatchObject({ ok: true, value: { decision: 'refer', secured: 0n } });
    expect(
      (await endSecurity(store, { buyerId: 'B1', securityId: 'G-1', reason: 'returned', by: 'cora' }, asOf)).ok,
    ).toBe(true);
    expect(await checkOrder(store, policy, order)).toMatchObject({ ok: true, value: { secured: 0n } });
    expect(
      await endSecurity(store, { buyerId: 'B1', securityId: 'G-1', reason: 'again', by: 'cora' }, asOf),
    ).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('lists with the status on the date and marks the ones expiring within the warning days', async () => {
    await addSecurity(store, guarantee, asOf);
    const on = async (d: string, warnDays = 30) => {
      const r = await listSecurities(store, { buyerId: 'B1', asOf: date(d), warnDays });
      return r.ok ? r.value.map((s) => [s.securityId, s.status, s.expiring]) : r;
    };
    expect(await on('2025-12-31')).toEqual([['G-1', 'future', false]]);
    expect(await on('2026-06-14')).toEqual([['G-1', 'in_force', false]]);
    expect(await on('2026-06-15')).toEqual([['G-1', 'in_force', true]]);
    expect(await on('2026-07-16')).toEqual([['G-1', 'expired', false]]);
    expect((await listSecurities(store, { buyerId: 'NOPE', asOf, warnDays: 30 })).ok).toBe(false);
  });

  it('refers an order on terms longer than the tier of the grade in force allows', async () => {
    await store.transact((tx) =>
      tx.appendGradeOverride({
        buyerId: 'B1',
        action: 'override',
        grade: 6,
        tier: 'medium',
        pd: 0.03,
        reason: 'r',
        by: 'cora',
        recordedOn: date('2026-01-01'),
      }),
    );
    const check = (termsDays: number) =>
      checkOrder(store, policy, { buyerId: 'B1', amount: 100n, currency: EUR, asOf, termsDays });
    expect(await check(30)).toMatchObject({ ok: true, value: { decision: 'approve' } });
    expect(await check(45)).toMatchObject({
      ok: true,
      value: { decision: 'refer', reasons: [{ code: 'terms_beyond_tier', params: { days: 45, maxDays: 30 } }] },
    });
  });
});

describe('new buyers: the first-order cap and probation', () => {
  const newBuyers = { firstOrderCap: { EUR: '10000.00', USD: '12000.00' }, probationOrders: 3, probationMonths: 6 };
  const capped = { ...policy, credit: { ...credit, newBuyers } };
  const order = (id: string, d: string) => ({
    id,
    buyerId: 'B1',
    date: date(d),
    amount: 100n,
    currency: EUR,
    status: 'invoiced' as const,
  });

  it('holds an order above the cap while the buyer is on probation, not after', async () => {
    const big = { buyerId: 'B1', amount: 5_000_000n, currency: EUR, validFrom: asOf, by: 'chief', reason: 'r' };
    await setLimit(store, big, asOf);
    const check = (amount: bigint, currency = EUR) =>
      checkOrder(store, capped, { buyerId: 'B1', amount, currency, asOf });
    expect(await check(1_000_000n)).toMatchObject({ ok: true, value: { decision: 'approve' } });
    expect(await check(1_000_001n)).toMatchObject({
      ok: true,
      value: { decision: 'hold', reasons: [{ code: 'first_order_cap', params: { cap: '1000000', orders: 0 } }] },
    });
    // The cap of the order's currency, converted: 12,000.00 USD = 6,000.00 EUR.
    expect(await check(1_200_001n, USD)).toMatchObject({ ok: true, value: { decision: 'hold' } });
    await store.transact((tx) => tx.upsertOrders([order('O1', '2026-05-01'), order('O2', '2026-05-02')]));
    expect(await check(1_000_001n)).toMatchObject({ ok: true, value: { decision: 'hold' } });
    await store.transact((tx) => tx.upsertOrders([order('O3', '2026-05-03')]));
    expect(await check(1_000_001n)).toMatchObject({ ok: true, value: { decision: 'approve' } });
  });

  it("refuses a new buyer's limit above the cap without a credit manager", async () => {
    const x = { buyerId: 'B1', amount: 1_500_000n, currency: EUR, validFrom: asOf, by: 'sam', reason: 'big order' };
    const guard = { credit: { newBuyers }, creditManager: false };
    expect(await setLimit(store, x, asOf, guard)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', params: { reason: 'probation_cap', cap: '1000000', orders: 0 } },
    });
    expect((await setLimit(store, { ...x, amount: 1_000_000n }, asOf, guard)).ok).toBe(true);
    expect((await setLimit(store, x, asOf, { ...guard, creditManager: true })).ok).toBe(true);
    const req = await requestLimit(store, { ...x, amount: 2_000_000n }, asOf);
    if (!req.ok) throw new Error('request');
    const answer = (creditManager: boolean) =>
      answerLimitRequest(
        store,
        { buyerId: 'B1', requestId: req.value.id, approve: true, by: 'cora', reason: 'ok' },
        asOf,
        { credit: { newBuyers }, creditManager },
      );
    expect(await answer(false)).toMatchObject({ ok: false, error: { params: { reason: 'probation_cap' } } });
    expect((await answer(true)).ok).toBe(true);
  });
});
