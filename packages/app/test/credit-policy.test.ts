import { date, parseDecimal } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountClasses, keyAccounts } from '../src/credit-policy/key-accounts';
import { importDocuments } from '../src/import/import-documents';
import { reviewsDue } from '../src/review/reviews-due';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source, USD } from './fixtures';
import { MemoryStore } from './memory-store';

let store: MemoryStore;
const asOf = date('2024-06-30');
const policy = { shareBp: 2000, currency: 'EUR', months: 12, reviewMonths: { key: 3, simplified: 12 } };
const rate = (s: string) => {
  const d = parseDecimal(s);
  if (!d.ok) throw new Error(s);
  return d.value;
};

beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2', USD), buyer('B3'), buyer('B4')]);
  await store.transact((tx) => tx.insertFxRates([{ date: date('2024-01-01'), from: USD, to: EUR, rate: rate('0.5') }]));
  const r = await importDocuments(
    store,
    source('i.csv', INVOICE_HEADER, [
      ['OLD', 'B3', '2023-06-30', '2023-07-30', '900000', 'EUR'], // before the window: not counted
      ['A', 'B1', '2023-07-01', '2023-07-31', '300', 'EUR'],
      ['B', 'B2', '2024-03-01', '2024-03-31', '1000', 'USD'], // 500.00 EUR
      ['C', 'B3', '2024-06-30', '2024-07-30', '200', 'EUR'],
      ['LATE', 'B4', '2024-07-01', '2024-07-31', '999999', 'EUR'], // after the date
    ]),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});

describe('key accounts (use case)', () => {
  it('ranks every buyer by the trailing 12 months in the policy currency, the top 20 % key', async () => {
    const r = await keyAccounts(store, policy, { asOf });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect([r.value.from, r.value.total]).toEqual(['2023-07-01', 100_000n]);
    expect(r.value.accounts.map((a) => [a.buyerId, a.turnover, a.accountClass, a.reviewMonths])).toEqual([
      ['B2', 50_000n, 'key', 3],
      ['B1', 30_000n, 'simplified', 12],
      ['B3', 20_000n, 'simplified', 12],
      ['B4', 0n, 'simplified', 12],
    ]);
  });
  it('fails without a rate, and without the policy section', async () => {
    const r = await keyAccounts(store, policy, { asOf, currency: 'GBP' as typeof EUR });
    expect(r).toMatchObject({ ok: false, error: { code: 'missing_fx_rate' } });
    expect((await keyAccounts(store, undefined, { asOf })).ok).toBe(false);
  });
  it('feeds the review plan: the key account is reviewed quarterly', async () => {
    const classes = await accountClasses(store, policy, asOf);
    if (!classes.ok || classes.value === undefined) throw new Error('classes');
    const reviews = await reviewsDue(store, asOf, classes.value);
    expect(reviews.find((x) => x.buyerId === 'B2')).toMatchObject({ accountClass: 'key', reviewMonths: 3 });
    expect(reviews.find((x) => x.buyerId === 'B1')).toMatchObject({ accountClass: 'simplified', reviewMonths: 12 });
  });
});
