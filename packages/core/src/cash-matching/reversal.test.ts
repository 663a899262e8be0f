import { describe, expect, it } from 'vitest';
import { codes, d, EUR, line } from './fixtures.test-support';
import { createMatcher } from './matcher';
import type { EarlierPayment, MatchCandidates } from './types';

const earlier: EarlierPayment[] = [
  {
    paymentId: 'P1',
    buyerId: 'B1',
    amount: 50_000n,
    currency: EUR,
    bookingDate: d('2024-06-20'),
    endToEndId: 'E2E-777-A',
    bankRef: 'BR2024062000123',
    payerIban: 'DE89370400440532013000',
  },
  {
    paymentId: 'P2',
    buyerId: 'B2',
    amount: 50_000n,
    currency: EUR,
    bookingDate: d('2024-06-21'),
    bankRef: 'BR2024062100456',
  },
  {
    paymentId: 'P3',
    buyerId: 'B1',
    amount: 50_000n,
    currency: EUR,
    bookingDate: d('2024-01-02'),
    bankRef: 'BR2024010200999',
  },
];
const candidates: MatchCandidates = { buyers: [], items: [], earlierPayments: earlier };
const match = createMatcher(candidates);
const reversal = (over: Parameters<typeof line>[0]) => {
  const m = match(line({ creditDebit: 'debit', reversal: true, amount: 50_000n, ...over }));
  if (m.kind !== 'reversal') throw new Error(m.kind);
  return m;
};

describe('reversals', () => {
  it('a reversal quoting the payment’s EndToEndId: un-apply that payment', () => {
    const m = reversal({ endToEndId: 'E2E-777-A', remittance: 'RETURN AC04 ACCOUNT CLOSED' });
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]).toMatchObject({ paymentId: 'P1', buyerId: 'B1' });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('reversal_of');
  });

  it('a reversal quoting the bank reference in its text', () => {
    const m = reversal({ remittance: 'STORNO BR2024062100456' });
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]?.paymentId).toBe('P2');
  });

  it('by amount alone: proposals for review, never applied; old payments outside the window left out', () => {
    const m = reversal({ remittance: 'RUECKLASTSCHRIFT' });
    expect(m.decision).toBe('review');
    expect(m.proposals.map((p) => p.paymentId).sort()).toEqual(['P1', 'P2']);
  });

  it('nothing of that amount: unknown', () => {
    const m = reversal({ amount: 1n });
    expect(m.decision).toBe('unknown');
    expect(codes(m.reasons)).toEqual(['reversal_unmatched']);
  });

  it('a reversal of a debit (a credit line) is not a payment', () => {
    expect(match(line({ reversal: true, amount: 50_000n })).kind).toBe('ignored');
  });
});
