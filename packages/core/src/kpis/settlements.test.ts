import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { Allocation, LedgerDocument } from '../ledger/types';
import type { CurrencyCode } from '../money/currency';
import { paymentSettlements } from './settlements';

const EUR = 'EUR' as CurrencyCode;

const doc = (number: string, type: LedgerDocument['type'], issue: string, due: string, amount: bigint) => ({
  number,
  buyerId: 'B1',
  type,
  issueDate: date(issue),
  dueDate: date(due),
  amount,
  currency: EUR,
});

const row = (kind: Allocation['kind'], entryId: string, documentNumber: string, d: string, delta: bigint) => ({
  kind,
  entryId,
  documentNumber,
  buyerId: 'B1',
  date: date(d),
  delta,
  currency: EUR,
});

const docs = [
  doc('A1', 'invoice', '2024-01-01', '2024-01-31', 1000n),
  doc('C1', 'credit_note', '2024-01-20', '2024-01-20', 300n),
];
const from = date('2024-01-01');

describe('paymentSettlements', () => {
  it('counts payments only: a credit-note application and a write-off are not payments', () => {
    const allocations = [
      row('credit_note', 'C1', 'A1', '2024-01-20', -300n),
      row('credit_note', 'C1', 'C1', '2024-01-20', 300n),
      row('payment', 'P1', 'A1', '2024-02-10', -500n),
      row('write_off', 'W1', 'A1', '2024-03-01', -200n),
    ];
    expect(paymentSettlements(docs, allocations, from, date('2024-03-31'))).toEqual([
      {
        buyerId: 'B1',
        currency: EUR,
        issueDate: '2024-01-01',
        dueDate: '2024-01-31',
        paidOn: '2024-02-10',
        amount: 500n,
      },
    ]);
  });

  it('nets a reversal dated by asOf; one dated later still counts as of asOf', () => {
    const allocations = [
      row('payment', 'P1', 'A1', '2024-02-10', -500n),
      row('payment', 'P1', 'A1', '2024-03-05', 500n),
    ];
    expect(paymentSettlements(docs, allocations, from, date('2024-03-31'))).toEqual([]);
    expect(paymentSettlements(docs, allocations, from, date('2024-03-01')).map((s) => s.amount)).toEqual([500n]);
  });

  it('nets one payment split over several rows on one invoice, paid on its first row', () => {
    const allocations = [
      row('payment', 'P1', 'A1', '2024-02-12', -100n),
      row('payment', 'P1', 'A1', '2024-02-10', -200n),
    ];
    const [s] = paymentSettlements(docs, allocations, from, date('2024-03-31'));
    expect([s?.amount, s?.paidOn]).toEqual([300n, '2024-02-10']);
  });

  it('keeps settlements paid in [from, asOf] only', () => {
    const allocations = [
      row('payment', 'P1', 'A1', '2024-02-10', -100n),
      row('payment', 'P2', 'A1', '2024-03-10', -100n),
    ];
    expect(paymentSettlements(docs, allocations, date('2024-02-11'), date('2024-03-31')).map((s) => s.paidOn)).toEqual([
      '2024-03-10',
    ]);
    expect(paymentSettlements(docs, allocations, from, date('2024-03-09')).map((s) => s.paidOn)).toEqual([
      '2024-02-10',
    ]);
  });
});
