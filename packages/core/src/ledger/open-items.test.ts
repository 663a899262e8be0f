import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { openItemsAsOf } from './open-items';
import type { Allocation, LedgerDocument } from './types';

const EUR = 'EUR' as CurrencyCode;

const doc = (
  number: string,
  type: LedgerDocument['type'],
  issue: string,
  due: string,
  amount: bigint,
  buyerId = 'B1',
): LedgerDocument => ({
  number,
  buyerId,
  type,
  issueDate: date(issue),
  dueDate: date(due),
  amount,
  currency: EUR,
});

const alloc = (
  kind: Allocation['kind'],
  entryId: string,
  documentNumber: string,
  d: string,
  delta: bigint,
): Allocation => ({
  kind,
  entryId,
  documentNumber,
  buyerId: 'B1',
  date: date(d),
  delta,
  currency: EUR,
});

const documents = [
  doc('INV-1', 'invoice', '2024-01-10', '2024-02-09', 1000n),
  doc('INV-2', 'invoice', '2024-02-01', '2024-03-02', 500n),
  doc('CN-1', 'credit_note', '2024-02-15', '2024-02-15', 200n),
  doc('INV-3', 'invoice', '2024-04-01', '2024-05-01', 700n),
];
const allocations = [
  alloc('payment', 'P1', 'INV-1', '2024-03-15', -1000n), // INV-1 paid in full on 15 March
  alloc('payment', 'P2', 'INV-2', '2024-02-20', -300n), // INV-2 partly paid
  alloc('credit_note', 'CN-1', 'INV-2', '2024-03-20', -200n), // CN-1 applied to INV-2 …
  alloc('credit_note', 'CN-1', 'CN-1', '2024-03-20', 200n), // … two rows, one per document
];

const summary = (asOf: string) =>
  openItemsAsOf(documents, allocations, date(asOf)).map((i) => [i.number, i.open] as const);

describe('openItemsAsOf', () => {
  it('an invoice paid later still shows open in a historical view', () => {
    expect(summary('2024-02-29')).toEqual([
      ['INV-1', 1000n],
      ['INV-2', 200n],
      ['CN-1', -200n],
    ]);
  });

  it('the payment date itself counts (allocations dated ≤ asOf)', () => {
    expect(summary('2024-03-14')).toContainEqual(['INV-1', 1000n]);
    expect(summary('2024-03-15').map(([n]) => n)).not.toContain('INV-1');
  });

  it('credit notes are negative until applied; settled items disappear', () => {
    expect(summary('2024-03-19')).toEqual([
      ['INV-2', 200n],
      ['CN-1', -200n],
    ]);
    expect(summary('2024-03-31')).toEqual([]);
  });

  it('documents issued after asOf do not exist yet', () => {
    expect(summary('2024-01-09')).toEqual([]);
    expect(summary('2024-03-31').map(([n]) => n)).not.toContain('INV-3');
    expect(summary('2024-04-01')).toEqual([['INV-3', 700n]]);
  });

  it('a reversal is a new row that reopens the balance from its own date', () => {
    const withReversal = [...allocations, alloc('payment', 'R1', 'INV-1', '2024-04-05', 1000n)];
    const at = (d: string) => openItemsAsOf(documents, withReversal, date(d)).find((i) => i.number === 'INV-1')?.open;
    expect(at('2024-04-04')).toBeUndefined();
    expect(at('2024-04-05')).toBe(1000n);
  });

  it('carries the document fields through', () => {
    const [first] = openItemsAsOf(documents, allocations, date('2024-01-31'));
    expect(first).toEqual({
      buyerId: 'B1',
      number: 'INV-1',
      type: 'invoice',
      issueDate: '2024-01-10',
      dueDate: '2024-02-09',
      currency: 'EUR',
      open: 1000n,
    });
  });
});
