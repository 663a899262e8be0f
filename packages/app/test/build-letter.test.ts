import { type BusinessDate, type CurrencyCode, date, type PlannedLetter, parseRateTables } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { buildLetter } from '../src/collections/build-letter';
import { parseCompany } from '../src/collections/company';
import { type ItemInterest, itemInterest } from '../src/collections/item-interest';

const company = (() => {
  const c = parseCompany({
    name: 'Nordlicht Handels GmbH',
    address: ['Hafenstraße 12', '20457 Hamburg'],
    bankAccount: { bankName: 'Hamburger Sparkasse', accountName: 'Nordlicht Handels GmbH', iban: 'DE02 2005' },
    contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
    language: 'en',
    interestRegime: 'eu',
  });
  if (!c.ok) throw new Error('company');
  return c.value;
})();
const tables = parseRateTables({ ecb: { '2026-H1': '2.15' }, boe: {}, 'de-base': {} });
if (!tables.ok) throw new Error('rates');
const asOf = date('2026-12-07');
const final = { id: 'final', offsetDays: 30, channel: 'letter', tone: 'final', fee: '0', deadlineDays: 10 } as const;
const item = (number: string, currency: string, due: string) => ({
  number,
  level: final,
  buyerId: 'B1',
  currency: currency as CurrencyCode,
  dueDate: due as BusinessDate,
  open: 1_000_00n,
  daysOverdue: 0,
  credits: [],
});
const planned: PlannedLetter = {
  buyerId: 'B1',
  level: final,
  rank: 3,
  nextStep: 'agency',
  items: [item('INV-1', 'EUR', '2026-06-15'), item('INV-2', 'USD', '2026-06-15'), item('INV-3', 'EUR', '2026-08-01')],
};
const build = (interest: Map<string, ItemInterest | undefined>) =>
  buildLetter(planned, {
    id: 'L-1',
    asOf,
    buyer: { id: 'B1', name: 'Buyer', country: 'NL', currency: 'EUR' as CurrencyCode, paymentTermsDays: 30 },
    company,
    language: 'en',
    basis: { regime: 'eu' },
    policyId: 'default',
    interest,
    firstLetter: false,
  }).letter;

describe('buildLetter', () => {
  it('without the reference rate of 2026-H2: no interest, the EUR 40 per euro invoice stays, the rate is named', () => {
    const interest = new Map(
      planned.items.map((i) => {
        const r = itemInterest(i, [], { regime: 'eu' }, asOf, tables.value);
        return [i.number, r.ok ? r.value : undefined] as const;
      }),
    );
    const letter = build(interest);
    expect(letter.interestMissing).toEqual(['ecb 2026-H2']);
    expect(letter.interestBasis).toEqual({ regime: 'eu' });
    expect(letter.lines.map((l) => [l.number, l.interest, l.compensation])).toEqual([
      ['INV-1', '0.00', '40.00'],
      ['INV-2', '0.00', '0.00'], // the directive gives nothing in USD
      ['INV-3', '0.00', '40.00'],
    ]);
    expect(letter.totals.map((t) => [t.currency, t.interest, t.compensation, t.total])).toEqual([
      ['EUR', '0.00', '80.00', '2080.00'],
      ['USD', '0.00', '0.00', '1000.00'],
    ]);
  });

  it('with every rate: interest and compensation, nothing missing', () => {
    const interest = new Map<string, ItemInterest>([
      ['INV-1', { interest: 5_00n, compensation: 40_00n }],
      ['INV-2', { interest: 6_00n, compensation: 0n }],
      ['INV-3', { interest: 7_00n, compensation: 40_00n }],
    ]);
    const letter = build(interest);
    expect(letter.interestMissing).toBeUndefined();
    expect(letter.totals.map((t) => [t.currency, t.interest, t.compensation])).toEqual([
      ['EUR', '12.00', '80.00'],
      ['USD', '6.00', '0.00'],
    ]);
  });
});
