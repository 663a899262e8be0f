import {
  acceptBankLine,
  buyerNetPosition,
  importBankStatement,
  importDocuments,
  listReviewQueue,
  listUnappliedCash,
  matchBankLines,
  rejectBankLine,
  repointBankLine,
} from '@credence/app';
import { type BankStatementLine, date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 16: statement lines matched, applied like a payment (once, ever), or left in review, on account, in suspense.
const line = (entry: number, amount: bigint, more: Partial<BankStatementLine>): BankStatementLine => ({
  entry,
  amount,
  currency: EUR,
  creditDebit: 'credit',
  bookingDate: date('2024-07-01'),
  valueDate: date('2024-07-01'),
  remittance: '',
  reversal: false,
  ...more,
});
const LINES = [
  // 1: document number and name: applied.
  line(1, 120000n, { payerName: 'Blue Ocean Trading Ltd', payerIban: 'DE89370400440532013000', remittance: 'INV-101' }),
  // 2: B2's name, two items of 300.00: review.
  line(2, 30000n, { payerName: 'Nordwind Logistik GmbH' }),
  // 3: B1 again, by the IBAN learned from line 1 next time; now its name, nothing fits: on account.
  line(3, 4321n, { payerName: 'Blue Ocean Trading Ltd', remittance: 'Vorauszahlung' }),
  // 4: nobody: suspense.
  line(4, 77700n, { payerName: 'Maria Schneider', remittance: 'Zahlung' }),
  // 5: a debit: kept, not a payment (ignored on import, not matched).
  line(5, 1500n, { creditDebit: 'debit', remittance: 'Kontoführung' }),
];
const statement = (id: string, lines: BankStatementLine[]) => ({
  format: 'camt.054' as const,
  account: 'DE02120300000000202051',
  currency: EUR,
  statementId: id,
  lines,
});

async function seeded(engine: Parameters<typeof storeOn>[0]) {
  const store = storeOn(engine, { by: 'cora', now: () => new Date('2024-07-01T09:00:00Z') });
  await store.transact((tx) =>
    tx.upsertBuyers([
      { id: 'B1', name: 'Blue Ocean Trading Ltd', country: 'GB', currency: EUR, paymentTermsDays: 30 },
      { id: 'B2', name: 'Nordwind Logistik GmbH', country: 'DE', currency: EUR, paymentTermsDays: 30 },
    ]),
  );
  const docs = await importDocuments(
    store,
    file(
      'i.csv',
      ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
      [
        ['INV-101', 'B1', 'invoice', '2024-04-01', '2024-05-01', '1200.00', 'EUR'],
        ['INV-102', 'B1', 'invoice', '2024-04-15', '2024-05-15', '800.00', 'EUR'],
        ['RE-240', 'B2', 'invoice', '2024-05-10', '2024-06-09', '300.00', 'EUR'],
        ['RE-241', 'B2', 'invoice', '2024-05-12', '2024-06-11', '300.00', 'EUR'],
      ],
    ),
  );
  if (!docs.ok) throw new Error('documents');
  const imported = await importBankStatement(store, [statement('S-1', LINES)]);
  if (!imported.ok) throw new Error('import');
  return store;
}

const DOC_REASONS = [
  'document_in_text, name_match, amount_exact',
  'name_match, amount_ambiguous, amount_exact',
  'name_match, no_open_item_fits',
  'name_below_cutoff, payer_unknown',
];

for (const target of targets()) {
  describe(`cash application on ${target.name}`, () => {
    const h = useTarget(target);

    it('applies, reviews, keeps on account or in suspense; once only; the net position counts on-account cash', async () => {
      const { reset, engine } = h();
      await reset();
      const store = await seeded(engine);
      const r = await matchBankLines(store, { by: 'cora' });
      expect(r.ok && r.value).toMatchObject({
        lines: 4,
        counts: { applied: 1, review: 1, on_account: 1, suspense: 1 },
        learned: 1,
      });
      const lines = await store.cashLines({});
      expect(lines.map((l) => [l.line, l.state, l.buyerId ?? null])).toEqual([
        [1, 'applied', 'B1'],
        [2, 'review', 'B2'],
        [3, 'on_account', 'B1'],
        [4, 'suspense', null],
      ]);
      // The reasons of the worked example in docs/domain/cash-application.md ("Applying the lines").
      expect(
        lines.map((l) => [...(l.proposals[0]?.reasons ?? []), ...l.reasons].map((x) => x.code).join(', ')),
      ).toEqual(DOC_REASONS);
      const [applied, review] = lines;
      expect(applied?.proposals[0]?.reasons.map((x) => x.code)).toContain('document_in_text');
      expect(review?.proposals[0]).toMatchObject({
        kind: 'payment',
        allocations: [{ document: 'RE-240', amount: 30000n }],
      });
      // The applied line is a payment allocated to INV-101; INV-101 is settled, INV-102 still open.
      const open = await store.openInvoices(['B1']);
      expect(open.map((i) => [i.number, i.open])).toEqual([['INV-102', 80000n]]);
      // On account: an unapplied payment of B1, which the net position nets against INV-102.
      const net = await buyerNetPosition(store, 'B1', date('2024-07-01'));
      expect(net.payments.map((p) => [p.id, p.unapplied])).toEqual([[lines[2]?.paymentId, 4321n]]);
      expect(await store.learnedIbans()).toMatchObject([{ iban: 'DE89370400440532013000', buyerId: 'B1' }]);
      // Again, and the same statement again: nothing new.
      const again = await matchBankLines(store, { by: 'cora' });
      expect(again.ok && again.value.lines).toBe(0);
      const re = await importBankStatement(store, [statement('S-1', LINES)]);
      expect(re.ok && re.value.statements[0]?.outcome).toBe('skipped');
      expect((await matchBankLines(store, { by: 'cora' })).ok).toBe(true);
      expect((await store.counts()).payments).toBe(2);
      // Audited with the reasons.
      const audit = await store.auditEntries({ entityKind: 'bank_line' });
      expect(audit.map((a) => a.action).sort()).toEqual([
        'cash_applied',
        'cash_on_account',
        'cash_review',
        'cash_suspense',
      ]);
    });

    it('the review queue: accept, reject with a reason, re-point to another buyer and document; decided once', async () => {
      const { reset, engine } = h();
      await reset();
      const store = await seeded(engine);
      await matchBankLines(store, { by: 'cora' });
      const [queued] = await listReviewQueue(store);
      const ref = `${queued?.statement}:${queued?.line}`;
      const accepted = await acceptBankLine(store, { line: ref, by: 'rita' });
      expect(accepted.ok && 'allocations' in accepted.value && accepted.value.allocations).toEqual([
        { document: 'RE-240', amount: 30000n },
      ]);
      expect((await store.openInvoices(['B2'])).map((i) => i.number)).toEqual(['RE-241']);
      const twice = await acceptBankLine(store, { line: ref, by: 'rita' });
      expect(!twice.ok && twice.error).toMatchObject({
        code: 'not_allowed',
        params: { reason: 'line_decided', state: 'applied' },
      });
      const suspense = `${queued?.statement}:4`;
      expect((await rejectBankLine(store, { line: suspense, by: 'rita', note: '' })).ok).toBe(false);
      expect((await rejectBankLine(store, { line: suspense, by: 'rita', note: 'not a customer' })).ok).toBe(true);
      expect((await listUnappliedCash(store)).map((l) => [l.line, l.state])).toEqual([
        [3, 'on_account'],
        [4, 'rejected'],
      ]);
      const wrongDoc = await repointBankLine(store, {
        line: suspense,
        buyerId: 'B2',
        documents: ['INV-102'],
        by: 'rita',
        note: 'the owner paid',
      });
      expect(!wrongDoc.ok && wrongDoc.error.code).toBe('unknown_document');
      const moved = await repointBankLine(store, {
        line: suspense,
        buyerId: 'B2',
        documents: ['RE-241'],
        by: 'rita',
        note: 'the owner paid privately',
      });
      expect(moved.ok && moved.value).toMatchObject({
        allocations: [{ document: 'RE-241', amount: 30000n }],
        onAccount: 47700n,
      });
      expect(await store.openInvoices(['B2'])).toEqual([]);
      expect((await listUnappliedCash(store, 'B2')).map((l) => [l.line, l.state])).toEqual([]);
      const [line4] = await store
        .cashLines({ states: ['applied'], buyerId: 'B2', statement: queued?.statement ?? '' })
        .then((ls) => ls.filter((l) => l.line === 4));
      expect(line4).toMatchObject({ decidedBy: 'rita', note: 'the owner paid privately' });
    });
  });
}
