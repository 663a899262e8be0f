import { describe, expect, it } from 'vitest';
import type { CurrencyCode } from '../money/currency';
import { matchReasonMessage } from '../reasons/messages';
import { renderReason } from '../reasons/render';
import { buyer, codes, d, item, line, payment } from './fixtures.test-support';
import { createMatcher } from './matcher';
import { DEFAULT_MATCH_POLICY, MatchPolicySchema } from './policy';
import { letterReference } from './rf';
import type { MatchCandidates } from './types';

const rf1 = letterReference('L-20240615-B1-reminder');
const candidates: MatchCandidates = {
  buyers: [
    buyer('B1', 'Blue Ocean Trading Ltd', ['DE89370400440532013000']),
    buyer('B2', 'Nordwind Logistik GmbH', ['DE02120300000000202051']),
    buyer('B3', 'Red River Foods Inc.'),
  ],
  items: [
    item('B1', 'INV-1001', 120_000n, '2024-05-01', { references: [rf1, 'L-20240615-B1-reminder'] }),
    item('B1', 'INV-1002', 80_000n, '2024-05-15', { references: [rf1, 'L-20240615-B1-reminder'] }),
    item('B1', 'INV-1003', 50_000n, '2024-06-10'),
    item('B2', 'INV-2001', 80_000n, '2024-05-20'),
    item('B2', 'INV-2002', 30_000n, '2024-06-01'),
    item('B2', 'INV-2003', 30_000n, '2024-06-05'),
    item('B3', 'INV-3001', 99_900n, '2024-06-01'),
  ],
};
const match = createMatcher(candidates);

describe('references', () => {
  it('an RF reference from a letter, exact amount: applied to the letter’s items', () => {
    const m = payment(match(line({ amount: 200_000n, structuredRef: rf1 })));
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]).toMatchObject({
      buyerId: 'B1',
      allocations: [
        { document: 'INV-1001', amount: 120_000n },
        { document: 'INV-1002', amount: 80_000n },
      ],
      onAccount: 0n,
    });
    expect(codes(m.proposals[0]?.reasons ?? [])).toEqual(['rf_reference', 'amount_exact']);
  });

  it('the RF reference typed in the remittance text in groups of four', () => {
    const spaced = rf1.replace(/(.{4})(?=.)/g, '$1 ');
    const m = payment(match(line({ amount: 200_000n, remittance: `Zahlung ${spaced} danke` })));
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]?.buyerId).toBe('B1');
  });

  it('the letter id quoted as the reference', () => {
    const m = payment(match(line({ amount: 200_000n, remittance: 'Ref L-20240615-B1-reminder' })));
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('credence_reference');
    expect(m.decision).toBe('auto_apply');
  });

  it('the EndToEndId carrying the reference', () => {
    const m = payment(match(line({ amount: 200_000n, endToEndId: rf1 })));
    expect(codes(m.proposals[0]?.reasons ?? [])[0]).toBe('end_to_end_id');
    expect(m.decision).toBe('auto_apply');
  });

  it('a letter with two items, one paid exactly: the one whose amount it is', () => {
    const m = payment(match(line({ amount: 80_000n, structuredRef: rf1, payerIban: 'DE89370400440532013000' })));
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]?.allocations).toEqual([{ document: 'INV-1002', amount: 80_000n }]);
  });
});

describe('document numbers in the text', () => {
  it('one payment for several documents, with a known IBAN', () => {
    const m = payment(
      match(line({ amount: 130_000n, remittance: 'INV 1002, INV-1003', payerIban: 'DE89 3704 0044 0532 0130 00' })),
    );
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]?.allocations).toEqual([
      { document: 'INV-1002', amount: 80_000n },
      { document: 'INV-1003', amount: 50_000n },
    ]);
  });

  it('several payments for one document: a part payment with the number and the payer is applied as such', () => {
    const m = payment(
      match(line({ amount: 40_000n, remittance: 'INV-2001 1st instalment', payerName: 'Nordwind Logistik' })),
    );
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]).toMatchObject({ buyerId: 'B2', allocations: [{ document: 'INV-2001', amount: 40_000n }] });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('partial_payment');
  });

  it('an over-payment: the document settled, the remainder on account', () => {
    const m = payment(match(line({ amount: 100_000n, remittance: 'INV-2001', payerIban: 'DE02120300000000202051' })));
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]).toMatchObject({
      allocations: [{ document: 'INV-2001', amount: 80_000n }],
      onAccount: 20_000n,
    });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('over_payment');
  });

  it('bank fees within tolerance: the shortfall is reported to write off', () => {
    const m = payment(match(line({ amount: 119_250n, remittance: 'INV-1001' })));
    expect(m.proposals[0]).toMatchObject({
      allocations: [{ document: 'INV-1001', amount: 119_250n }],
      shortfall: 750n,
    });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('amount_within_tolerance');
  });

  it('a document number and the exact amount, payer unknown: applied', () => {
    const m = payment(match(line({ amount: 50_000n, remittance: 'INV-1003' })));
    expect(m.decision).toBe('auto_apply');
  });

  it('the number of one buyer paid by another known payer: review, both proposals shown', () => {
    const m = payment(match(line({ amount: 50_000n, remittance: 'INV-1003', payerIban: 'DE02120300000000202051' })));
    expect(m.decision).toBe('review');
    expect(m.proposals.map((p) => p.buyerId).sort()).toEqual(['B1', 'B2']);
    const b1 = m.proposals.find((p) => p.buyerId === 'B1');
    expect(codes(b1?.reasons ?? [])).toContain('payer_conflict');
  });
});

describe('ties between proposals', () => {
  it('documents of two buyers, each fitting the amount: both proposed, none applied', () => {
    const two = createMatcher({
      buyers: [buyer('X', 'Xylo Parts AG'), buyer('Y', 'Yarrow Mills Ltd')],
      items: [item('X', 'INV-7001', 50_000n, '2024-06-01'), item('Y', 'INV-8001', 50_000n, '2024-06-01')],
    });
    const m = payment(two(line({ amount: 50_000n, remittance: 'INV-7001 INV-8001' })));
    expect(m.decision).toBe('review');
    expect(m.proposals.map((p) => [p.buyerId, p.score])).toEqual([
      ['X', 0.955],
      ['Y', 0.955],
    ]);
    expect(codes(m.reasons)).toEqual(['other_proposal_close']);
  });
});

describe('the payer and the amount, without reference', () => {
  it('known IBAN and one open item of exactly that amount: applied', () => {
    const m = payment(match(line({ amount: 50_000n, payerIban: 'DE89370400440532013000' })));
    expect(m.decision).toBe('auto_apply');
    expect(m.proposals[0]?.allocations).toEqual([{ document: 'INV-1003', amount: 50_000n }]);
  });

  it('a unique combination of the buyer’s items: proposed, for review', () => {
    const m = payment(match(line({ amount: 170_000n, payerIban: 'DE89370400440532013000' })));
    expect(m.decision).toBe('review');
    expect(m.proposals[0]?.allocations.map((a) => a.document)).toEqual(['INV-1001', 'INV-1003']);
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('amount_combination');
  });

  it('two combinations fit (ambiguity): review with the oldest first, never applied', () => {
    const lax = MatchPolicySchema.parse({ autoApplyThreshold: 0.1 });
    const m = payment(createMatcher(candidates, lax)(line({ amount: 30_000n, payerIban: 'DE02120300000000202051' })));
    expect(m.decision).toBe('review');
    expect(m.proposals[0]?.allocations).toEqual([{ document: 'INV-2002', amount: 30_000n }]);
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('amount_ambiguous');
  });

  it('a known payer, nothing fits: everything on account, for review', () => {
    const m = payment(match(line({ amount: 12_345n, payerIban: 'DE89370400440532013000' })));
    expect(m.decision).toBe('review');
    expect(m.proposals[0]).toMatchObject({ buyerId: 'B1', allocations: [], onAccount: 12_345n });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('no_open_item_fits');
  });

  it('an unknown payer and no reference: unknown', () => {
    const m = payment(match(line({ amount: 12_345n, payerName: 'Green Valley Farms' })));
    expect(m.decision).toBe('unknown');
    expect(m.proposals).toEqual([]);
    expect(codes(m.reasons)).toEqual(['name_below_cutoff', 'payer_unknown']);
  });

  it('never on amount alone: a unique amount among all items is proposed for review, even with threshold 0', () => {
    const zero = MatchPolicySchema.parse({ autoApplyThreshold: 0, ambiguityMargin: 0 });
    const m = payment(createMatcher(candidates, zero)(line({ amount: 99_900n })));
    expect(m.decision).toBe('review');
    expect(m.proposals[0]).toMatchObject({ buyerId: 'B3', allocations: [{ document: 'INV-3001', amount: 99_900n }] });
    expect(codes(m.proposals[0]?.reasons ?? [])).toEqual(['amount_only']);
  });

  it('the amount of items of several buyers, no payer: unknown', () => {
    const m = payment(match(line({ amount: 80_000n })));
    expect(m.decision).toBe('unknown');
  });

  it('a payer name tie is no payer', () => {
    const tie = createMatcher({
      buyers: [buyer('N1', 'Nordwind Logistik GmbH'), buyer('N2', 'Nordwind Logistic GmbH')],
      items: [item('N1', 'A-1', 100n, '2024-06-01'), item('N2', 'B-1', 100n, '2024-06-01')],
    });
    const m = payment(tie(line({ amount: 100n, payerName: 'Nordwind Logisti GmbH' })));
    expect(m.decision).toBe('unknown');
    expect(codes(m.reasons)).toContain('name_tie');
  });

  it('items in another currency are not candidates', () => {
    const m = payment(match(line({ amount: 50_000n, currency: 'USD' as CurrencyCode, remittance: 'INV-1003' })));
    expect(m.decision).toBe('unknown');
  });
});

describe('skonto', () => {
  it('2 % off an invoice paid within the discount days', () => {
    const m = payment(
      createMatcher({
        buyers: candidates.buyers,
        items: [item('B1', 'INV-9', 100_000n, '2024-07-01', { issueDate: d('2024-06-20') })],
      })(line({ amount: 98_000n, payerIban: 'DE89370400440532013000' })),
    );
    expect(m.decision).toBe('review');
    expect(m.proposals[0]).toMatchObject({ allocations: [{ document: 'INV-9', amount: 98_000n }], shortfall: 2_000n });
    expect(codes(m.proposals[0]?.reasons ?? [])).toContain('amount_skonto');
  });
});

describe('debits', () => {
  it('a debit is kept but never matched as a payment', () => {
    const m = match(line({ amount: 50_000n, creditDebit: 'debit', remittance: 'INV-1003' }));
    expect(m.kind).toBe('ignored');
    expect(DEFAULT_MATCH_POLICY.autoApplyThreshold).toBe(0.95);
  });
});

describe('reasons in words', () => {
  it('every reason of a proposal renders in en, zh-CN and zh-TW', () => {
    const m = payment(match(line({ amount: 100_000n, remittance: 'INV-2001', payerName: 'NORDWIND LOGISTIK' })));
    const words = (locale: 'en' | 'zh-CN' | 'zh-TW') =>
      (m.proposals[0]?.reasons ?? []).map((r) => renderReason(matchReasonMessage(r), locale));
    expect(words('en')).toEqual([
      'The remittance text names document INV-2001',
      'The payer name "NORDWIND LOGISTIK" matches buyer B2 (100%)',
      'Pays more than is due: EUR 200.00 stays on the buyer’s account',
    ]);
    expect(words('zh-CN')[2]).toBe('付款超过应付金额：EUR 200.00 记入买方账户余额');
    expect(words('zh-TW')[0]).toBe('匯款附言中寫明單據 INV-2001');
  });
});
