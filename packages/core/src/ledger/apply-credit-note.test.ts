import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { applyCreditNote, type CreditNoteTarget } from './apply-credit-note';

const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;

const note = (amount: bigint, issue = '2024-03-10') => ({
  number: 'CN-1',
  buyerId: 'B1',
  type: 'credit_note' as const,
  issueDate: date(issue),
  amount,
  currency: EUR,
  appliesTo: 'INV-1',
});

const invoice = (open: bigint, over: Partial<CreditNoteTarget> = {}): CreditNoteTarget => ({
  number: 'INV-1',
  buyerId: 'B1',
  type: 'invoice',
  currency: EUR,
  issueDate: date('2024-03-01'),
  open,
  ...over,
});

describe('applyCreditNote', () => {
  // note amount, invoice open, note issue, invoice issue → applied, left, date
  const table: [bigint, bigint, string, string, bigint, bigint, string][] = [
    [300n, 1000n, '2024-03-10', '2024-03-01', 300n, 0n, '2024-03-10'], // whole note applies
    [1000n, 1000n, '2024-03-10', '2024-03-01', 1000n, 0n, '2024-03-10'], // exactly settles the invoice
    [1500n, 1000n, '2024-03-10', '2024-03-01', 1000n, 500n, '2024-03-10'], // note larger than the invoice
    [300n, 200n, '2024-03-10', '2024-03-01', 200n, 100n, '2024-03-10'], // invoice partly paid
    [300n, 0n, '2024-03-10', '2024-03-01', 0n, 300n, '2024-03-10'], // invoice already paid
    [300n, -50n, '2024-03-10', '2024-03-01', 0n, 300n, '2024-03-10'], // invoice overpaid (negative open)
    [300n, 1000n, '2024-02-20', '2024-03-01', 300n, 0n, '2024-03-01'], // note issued before the invoice
    [300n, 1000n, '2024-03-01', '2024-03-01', 300n, 0n, '2024-03-01'], // same day
  ];
  for (const [amount, open, noteIssue, invIssue, applied, left, on] of table) {
    it(`note ${amount} on open ${open} (${noteIssue} / ${invIssue}) applies ${applied} on ${on}`, () => {
      const r = applyCreditNote(note(amount, noteIssue), invoice(open, { issueDate: date(invIssue) }));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.applied).toBe(applied);
      expect(r.value.left).toBe(left);
      expect(r.value.date).toBe(on);
    });
  }

  it('writes the pair: invoice −x and note +x, kind credit_note, entry = the note number', () => {
    const r = applyCreditNote(note(300n), invoice(200n));
    expect(r.ok && r.value.allocations).toEqual([
      {
        kind: 'credit_note',
        entryId: 'CN-1',
        documentNumber: 'INV-1',
        buyerId: 'B1',
        date: '2024-03-10',
        delta: -200n,
        currency: EUR,
      },
      {
        kind: 'credit_note',
        entryId: 'CN-1',
        documentNumber: 'CN-1',
        buyerId: 'B1',
        date: '2024-03-10',
        delta: 200n,
        currency: EUR,
      },
    ]);
  });

  it('writes nothing when nothing can be applied', () => {
    const r = applyCreditNote(note(300n), invoice(0n));
    expect(r.ok && r.value.allocations).toEqual([]);
  });

  const failures: [string, Parameters<typeof applyCreditNote>, string, Record<string, string>][] = [
    ['no such document', [note(1n), undefined], 'unknown_document', { number: 'INV-1' }],
    ['another buyer', [note(1n), invoice(5n, { buyerId: 'B2' })], 'invalid_field', { reason: 'other_buyer' }],
    ['another currency', [note(1n), invoice(5n, { currency: USD })], 'currency_mismatch', { a: 'EUR', b: 'USD' }],
    ['a credit note', [note(1n), invoice(-5n, { type: 'credit_note' })], 'invalid_field', { reason: 'not_an_invoice' }],
    [
      'an invoice naming one',
      [{ ...note(1n), type: 'invoice' }, invoice(5n)],
      'invalid_field',
      { reason: 'only_on_credit_notes' },
    ],
  ];
  for (const [what, args, code, params] of failures) {
    it(`rejects ${what} with ${code}`, () => {
      const r = applyCreditNote(...args);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.params).toMatchObject(params);
    });
  }

  it('conserves the note: applied + left = amount, applied ≤ max(open, 0), pair sums to zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        (a, o) => {
          const r = applyCreditNote(note(a), invoice(o));
          if (!r.ok) return false;
          const { applied, left, allocations } = r.value;
          const sum = allocations.reduce((s, x) => s + x.delta, 0n);
          return applied + left === a && applied >= 0n && applied <= (o > 0n ? o : 0n) && sum === 0n && left >= 0n;
        },
      ),
    );
  });
});
