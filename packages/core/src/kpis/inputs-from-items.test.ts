import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { Allocation, LedgerDocument } from '../ledger/types';
import type { CurrencyCode } from '../money/currency';
import { COUNTBACK_MONTHS, kpiInputsFromItems } from './inputs-from-items';

const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;

const doc = (
  number: string,
  issue: string,
  due: string,
  amount: bigint,
  type: LedgerDocument['type'] = 'invoice',
  currency = EUR,
): LedgerDocument => ({ number, buyerId: 'B1', type, issueDate: date(issue), dueDate: date(due), amount, currency });
const pay = (documentNumber: string, d: string, delta: bigint, currency = EUR): Allocation => ({
  kind: 'payment',
  entryId: `P-${documentNumber}-${d}`,
  documentNumber,
  buyerId: 'B1',
  date: date(d),
  delta,
  currency,
});

describe('kpiInputsFromItems', () => {
  const documents = [
    doc('OLD', '2023-12-20', '2024-01-19', 400n), // before the period; paid on 2024-01-10
    doc('D0', '2024-01-01', '2024-01-31', 100n), // first day of the period
    doc('D1', '2024-02-10', '2024-03-31', 250n), // due on asOf: current
    doc('D2', '2024-03-31', '2024-04-30', 50n), // issued on asOf
    doc('CN', '2024-03-01', '2024-03-01', 30n, 'credit_note'), // overdue credit
    doc('LATE', '2024-04-01', '2024-05-01', 999n), // after asOf
    doc('U1', '2024-02-01', '2024-02-01', 777n, 'invoice', USD), // other currency
  ];
  const allocations = [
    pay('OLD', '2024-01-10', -400n),
    pay('D0', '2024-04-02', -100n),
    pay('U1', '2024-02-02', -777n, USD),
  ];
  const k = kpiInputsFromItems(documents, allocations, EUR, date('2024-01-01'), date('2024-03-31'));

  it('balances as of asOf and as of the day before the period', () => {
    // open on 2024-03-31: D0 100 (paid only on 2 April), D1 250, D2 50, CN −30
    expect(k.totalAr).toBe(370n);
    // due on or after asOf: D1 (due on asOf) and D2
    expect(k.currentAr).toBe(300n);
    // open on 2023-12-31: OLD 400 (its payment came on 2024-01-10)
    expect(k.beginningAr).toBe(400n);
    // issued in [2024-01-01, 2024-03-31]: D0 + D1 + D2 − CN
    expect(k.creditSales).toBe(370n);
    expect(k).toMatchObject({ currency: 'EUR', from: '2024-01-01', asOf: '2024-03-31' });
  });

  it('monthly sales for the countback, most recent first', () => {
    expect(k.monthlySales).toHaveLength(COUNTBACK_MONTHS);
    expect(k.monthlySales.slice(0, 4)).toEqual([
      { from: '2024-03-01', to: '2024-03-31', sales: 20n }, // D2 50 − CN 30
      { from: '2024-02-01', to: '2024-02-29', sales: 250n },
      { from: '2024-01-01', to: '2024-01-31', sales: 100n },
      { from: '2023-12-01', to: '2023-12-31', sales: 400n },
    ]);
    expect(k.monthlySales.slice(4).every((m) => m.sales === 0n)).toBe(true);
  });

  it('other currencies stay out', () => {
    const usd = kpiInputsFromItems(documents, allocations, USD, date('2024-01-01'), date('2024-03-31'));
    expect([usd.totalAr, usd.creditSales, usd.beginningAr]).toEqual([0n, 777n, 0n]);
  });
});
