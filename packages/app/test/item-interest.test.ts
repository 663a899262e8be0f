import { type BusinessDate, type CurrencyCode, date, parseRateTables } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { itemInterest } from '../src/collections/item-interest';

const tables = parseRateTables({ ecb: { '2026-H1': '2.15' }, boe: { '2026-H1': '3.75' }, 'de-base': {} });
if (!tables.ok) throw new Error('rates');
const rates = tables.value;
const EUR = 'EUR' as CurrencyCode;
const GBP = 'GBP' as CurrencyCode;
const contract = { regime: 'contract' as const, contractRate: '10%/year' };
const r = (d: string, amount: bigint, credit = false) => ({ date: d as BusinessDate, amount, credit });

describe('itemInterest', () => {
  it('charges no interest on what a credit note corrected, whatever the credit note’s date', () => {
    // 1000.00 due 31 Jan, credit note 400.00 on 15 March: 600.00 bore interest for 59 days at 10 %.
    const x = itemInterest(
      { currency: EUR, dueDate: date('2026-01-31'), open: 600_00n },
      [r('2026-03-15', 400_00n, true)],
      contract,
      date('2026-03-31'),
      rates,
    );
    expect(x).toEqual({ ok: true, value: { interest: 970n, compensation: 0n } }); // 60000 × 59 × 10 / 36500 = 969.86
  });

  it('lowers the principal from the day after a later payment, and ignores a payment that was reversed', () => {
    // 1000.00 due 31 Jan; 500.00 paid 28 Feb; 200.00 paid 10 Feb and reversed 20 Feb.
    const x = itemInterest(
      { currency: EUR, dueDate: date('2026-01-31'), open: 500_00n },
      [r('2026-02-10', 200_00n), r('2026-02-20', -200_00n), r('2026-02-28', 500_00n)],
      contract,
      date('2026-03-31'),
      rates,
    );
    // 100000 × 28 days + 50000 × 31 days, at 10 %: (2,800,000 + 1,550,000) × 10 / 36500 = 1191.78
    expect(x).toEqual({ ok: true, value: { interest: 1192n, compensation: 0n } });
  });

  it('bases the UK fixed sum on the original invoice amount, not what was left at the due date', () => {
    const x = itemInterest(
      { currency: GBP, dueDate: date('2026-01-31'), open: 900_00n },
      [r('2026-01-20', 300_00n)],
      { regime: 'uk' },
      date('2026-02-10'),
      rates,
    );
    expect(x.ok && x.value.compensation).toBe(70_00n);
  });

  it('claims nothing before the due date', () => {
    const x = itemInterest(
      { currency: EUR, dueDate: date('2026-04-15'), open: 800_00n },
      [],
      { regime: 'eu' },
      date('2026-03-31'),
      rates,
    );
    expect(x).toEqual({ ok: true, value: { interest: 0n, compensation: 0n } });
  });

  it('gives the EU sum on a euro invoice and none on an invoice in another currency, with the interest', () => {
    const eur = itemInterest(
      { currency: EUR, dueDate: date('2026-01-31'), open: 1_000_00n },
      [],
      { regime: 'eu' },
      date('2026-03-31'),
      rates,
    );
    expect(eur).toEqual({ ok: true, value: { interest: 1_641n, compensation: 40_00n } }); // 100000 × 59 × 10.15 / 36500 = 1640.68
    const usd = itemInterest(
      { currency: 'USD' as CurrencyCode, dueDate: date('2026-01-31'), open: 1_000_00n },
      [],
      { regime: 'eu' },
      date('2026-03-31'),
      rates,
    );
    expect(usd).toEqual({ ok: true, value: { interest: 1_641n, compensation: 0n } });
  });

  it('keeps the fixed compensation when the reference rate is missing, and names the missing rate', () => {
    // 2026-H2 is not in the tables: the interest cannot be computed, the EUR 40 does not depend on it.
    const x = itemInterest(
      { currency: EUR, dueDate: date('2026-06-30'), open: 1_000_00n },
      [],
      { regime: 'eu' },
      date('2026-12-07'),
      rates,
    );
    expect(x.ok && x.value.compensation).toBe(40_00n);
    expect(x.ok && x.value.interest).toBe(0n);
    expect(x.ok && x.value.notComputed?.params).toMatchObject({ reason: 'no_reference_rate', id: 'ecb 2026-H2' });
  });
});
