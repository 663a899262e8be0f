import {
  applyCash,
  buyerNetPosition,
  checkOrder,
  countryRiskTable,
  gradeBuyerAsOf,
  importDocuments,
  importPayments,
  rankOverdueBuyers,
  reallocateCash,
  reportAging,
  reverseEntry,
} from '@credence/app';
import { date, type GbdtModel, type GradingPolicy } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 11, item 2: a buyer whose unapplied cash covers its invoices is not overdue anywhere, on both stores;
// applying and moving that cash is recorded append-only with who did it.
const grading: GradingPolicy = {
  basePd: 0.02,
  financialWeight: 0.5,
  masterScale: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3],
  tiers: { low: 3, medium: 6 },
  behaviour: { perDayBeyondTerms: 0.03, maxDays: 90, perDayWorse: 0.02, overdueDays: 90, overdueLogOdds: 1 },
  perCountryClass: 0.15,
  bureauPerPoint: 0.02,
  industry: { low: -0.2, medium: 0, high: 0.4 },
  industries: {},
  insurer: { pdByGrade: [0.0005, 0.001, 0.002, 0.004, 0.008, 0.015, 0.03, 0.06, 0.12, 0.25], weight: 0.5 },
};
const model: GbdtModel = { format: 'credence-gbdt/1', features: ['Attr4'], base: -4, trees: [], training: {} };
const countries = countryRiskTable([{ iso3: 'DEU', classification: '-' }]);
if (!countries.ok) throw new Error('countries');
const ctx = { model, policy: grading, countries: countries.value };
const asOf = date('2024-06-30');
const check = { holdWhenOverdueDays: 150, referWhenOverdueDays: 60, referFromGrade: 10 };

for (const target of targets()) {
  describe(`net position on ${target.name}`, () => {
    const h = useTarget(target);

    it('cash that covers the invoices leaves the buyer not overdue; applying it is append-only and names who', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([
          { id: 'B1', name: 'Paid up', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Late', country: 'DE', currency: EUR, paymentTermsDays: 30 },
        ]),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['A', 'B1', 'invoice', '2024-01-01', '2024-01-31', '10000', 'EUR'],
            ['B', 'B1', 'invoice', '2024-02-01', '2024-03-02', '6000', 'EUR'],
            ['C', 'B2', 'invoice', '2024-02-01', '2024-03-02', '5000', 'EUR'],
            ['D', 'B1', 'invoice', '2024-06-01', '2024-07-01', '3000', 'EUR'],
            ['U', 'B1', 'invoice', '2024-07-02', '2024-08-01', '100', 'USD'],
            ['CN', 'B1', 'credit_note', '2024-06-01', '2024-06-01', '50', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      // P1 names A and pays 17,000: 10,000 settle A, 7,000 stay unapplied (B 6,000 open, 120 days overdue).
      const pays = await importPayments(
        store,
        file(
          'p.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          [['P1', 'B1', '2024-03-01', '17000', 'EUR', 'A']],
        ),
      );
      expect(pays.ok).toBe(true);
      expect(await store.unappliedPayments('B1', asOf)).toEqual([
        { id: 'P1', date: '2024-03-01', currency: EUR, amount: 1_700_000n, unapplied: 700_000n },
      ]);

      // Net position: the CN 50 and 7,000 cash cover B (6,000) then D (3,000) up to 1,050; D owes 1,950.
      const net = await buyerNetPosition(store, 'B1', asOf);
      expect(net.items.map((i) => [i.number, i.open])).toEqual([['D', 195_000n]]);
      expect(net.creditBalance).toEqual([]);

      // Aging: B1's overdue bucket is empty (only B2's C is 91-180), D 1,950 not due, no negative credit note.
      const aging = await reportAging(store, { asOf });
      if (!aging.ok) throw new Error(aging.error.code);
      const eur = aging.value.reports.find((r) => r.currency === EUR);
      expect(eur?.buckets.map((b) => b.amount)).toEqual([195_000n, 0n, 0n, 0n, 500_000n, 0n, 0n]);
      expect(eur?.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 1, 0, 0]);
      expect(aging.value.unappliedCash).toEqual([{ currency: EUR, amount: 700_000n }]);
      const perBuyer = await reportAging(store, { asOf, byBuyer: true });
      if (!perBuyer.ok) throw new Error(perBuyer.error.code);
      expect(perBuyer.value.reports.map((r) => [r.buyerId, r.currency, r.total, r.buckets[4]?.amount])).toEqual([
        ['B1', EUR, 195_000n, 0n],
        ['B2', EUR, 500_000n, 500_000n],
      ]);

      // Grade and PD: B1 has nothing long overdue; B2 has.
      const g1 = await gradeBuyerAsOf(store, ctx, 'B1', asOf);
      const g2 = await gradeBuyerAsOf(store, ctx, 'B2', asOf);
      expect(g1?.inputs.oldestOverdueDays).toBe(0);
      expect(g1?.grade.reasons.map((r) => r.code)).not.toContain('long_overdue');
      expect(g2?.inputs.oldestOverdueDays).toBe(120);
      expect(g2?.grade.reasons.map((r) => r.code)).toContain('long_overdue');
      expect(g1?.grade.pd).toBeLessThan(g2?.grade.pd ?? 0);

      // Credit check: exposure is what is owed net (D 1,950 + the order), nothing overdue beyond policy.
      const c1 = await checkOrder(store, check, { buyerId: 'B1', amount: 100_00n, currency: EUR, asOf });
      if (!c1.ok) throw new Error(c1.error.code);
      expect(c1.value.exposure.openReceivables).toBe(195_000n);
      expect(c1.value.reasons.map((r) => r.code)).not.toContain('overdue_beyond');
      const c2 = await checkOrder(store, check, { buyerId: 'B2', amount: 100_00n, currency: EUR, asOf });
      expect(c2.ok && c2.value.reasons.map((r) => r.code)).toContain('overdue_beyond');

      // The overdue ranking: only B2 (B1's store figure of 6,000 overdue is covered).
      const top = await rankOverdueBuyers(store, asOf, EUR);
      expect(top.ok && top.value.map((b) => [b.buyerId, b.overdue, b.oldestDaysOverdue])).toEqual([
        ['B2', 500_000n, 120],
      ]);

      // Applying the cash: 6,000 on B (default: as much as both allow), dated, by alice, one new row.
      const rowsBefore = (await store.counts()).allocations;
      const applied = await applyCash(store, {
        id: 'AP1',
        paymentId: 'P1',
        documentNumber: 'B',
        date: date('2024-07-01'),
        by: 'alice',
      });
      if (!applied.ok) throw new Error(applied.error.code);
      expect(applied.value.figures).toEqual({
        currency: EUR,
        unapplied: { before: 700_000n, after: 100_000n },
        documents: [{ number: 'B', before: 600_000n, after: 0n }],
      });
      expect((await store.counts()).allocations).toBe(rowsBefore + 1);
      const again = await applyCash(store, {
        id: 'AP1',
        paymentId: 'P1',
        documentNumber: 'B',
        date: date('2024-07-01'),
        by: 'alice',
      });
      expect(again.ok && again.value.created).toBe(false);
      expect((await store.counts()).allocations).toBe(rowsBefore + 1);
      const conflict = await applyCash(store, {
        id: 'AP1',
        paymentId: 'P1',
        documentNumber: 'D',
        date: date('2024-07-01'),
        by: 'alice',
      });
      expect(!conflict.ok && conflict.error.code).toBe('idempotency_conflict');

      // Moving 2,500 of what P1 paid on A over to D: +2,500 on A, −2,500 on D, nothing updated.
      const moved = await reallocateCash(store, {
        id: 'RA1',
        paymentId: 'P1',
        from: 'A',
        to: 'D',
        amount: 250_000n,
        date: date('2024-07-02'),
        by: 'bob',
      });
      if (!moved.ok) throw new Error(moved.error.code);
      expect(moved.value.figures.documents).toEqual([
        { number: 'A', before: 0n, after: 250_000n },
        { number: 'D', before: 300_000n, after: 50_000n },
      ]);
      expect(moved.value.figures.unapplied).toEqual({ before: 100_000n, after: 100_000n });
      const { rows, recorded } = await store.transact(async (tx) => ({
        rows: await tx.allocationsOf('payment', 'P1'),
        recorded: await tx.findCashApplications(['AP1', 'RA1']),
      }));
      expect(rows.map((r) => [r.documentNumber, r.date, r.delta])).toEqual([
        ['A', '2024-03-01', -1_000_000n],
        ['B', '2024-07-01', -600_000n],
        ['A', '2024-07-02', 250_000n],
        ['D', '2024-07-02', -250_000n],
      ]);
      expect(recorded.map((r) => [r.id, r.kind, r.from, r.to, r.amount, r.by]).sort()).toEqual([
        ['AP1', 'apply', undefined, 'B', 600_000n, 'alice'],
        ['RA1', 'reallocate', 'A', 'D', 250_000n, 'bob'],
      ]);
      // As of before the application the aging is as it was: the rows are dated.
      const before = await reportAging(store, { asOf });
      expect(before.ok && before.value.reports.find((r) => r.currency === EUR)?.buckets[4]?.amount).toBe(500_000n);

      // Errors are values with codes.
      const code = async (
        r: Promise<{ ok: true } | { ok: false; error: { code: string; params: Readonly<Record<string, unknown>> } }>,
      ) => {
        const x = await r;
        return x.ok ? 'ok' : [x.error.code, x.error.params.reason];
      };
      const at = { date: date('2024-07-03'), by: 'alice' };
      expect(
        await code(applyCash(store, { id: 'E1', paymentId: 'P1', documentNumber: 'D', amount: 200_000n, ...at })),
      ).toEqual(['invalid_amount', 'above_unapplied']);
      expect(await code(applyCash(store, { id: 'E2', paymentId: 'P1', documentNumber: 'C', ...at }))).toEqual([
        'invalid_field',
        'other_buyer',
      ]);
      expect(await code(applyCash(store, { id: 'E3', paymentId: 'P1', documentNumber: 'U', ...at }))).toEqual([
        'currency_mismatch',
        undefined,
      ]);
      expect(await code(applyCash(store, { id: 'E4', paymentId: 'P1', documentNumber: 'CN', ...at }))).toEqual([
        'invalid_field',
        'not_an_invoice',
      ]);
      expect(await code(applyCash(store, { id: 'E5', paymentId: 'P9', documentNumber: 'D', ...at }))).toEqual([
        'not_found',
        undefined,
      ]);
      expect(await code(applyCash(store, { id: 'E6', paymentId: 'P1', documentNumber: 'Z', ...at }))).toEqual([
        'unknown_document',
        undefined,
      ]);
      expect(await code(reallocateCash(store, { id: 'E7', paymentId: 'P1', from: 'A', to: 'A', ...at }))).toEqual([
        'invalid_field',
        'same_document',
      ]);
      expect(
        await code(reallocateCash(store, { id: 'E8', paymentId: 'P1', from: 'A', to: 'D', amount: 900_000n, ...at })),
      ).toEqual(['invalid_amount', 'above_applied']);
      expect(
        await code(applyCash(store, { id: 'E9', paymentId: 'P1', documentNumber: 'A', amount: 99_000n, ...at })),
      ).toEqual('ok');
      expect(
        await code(reallocateCash(store, { id: 'E10', paymentId: 'P1', from: 'B', to: 'A', amount: 200_000n, ...at })),
      ).toEqual(['invalid_amount', 'above_open']);
      expect((await store.transact((tx) => tx.findCashApplications(['E1', 'E8', 'E10']))).length).toBe(0);

      // A bounced payment is reversed with everything it was applied to, applications included; then it cannot be applied.
      const reversed = await reverseEntry(store, {
        id: 'R1',
        kind: 'payment',
        targetId: 'P1',
        date: date('2024-07-05'),
        reason: 'bounced',
      });
      expect(reversed.ok).toBe(true);
      const left = await store.transact((tx) => tx.allocationsOf('payment', 'P1'));
      expect(left.reduce((t, r) => t + r.delta, 0n)).toBe(0n);
      expect(await store.unappliedPayments('B1', date('2024-07-05'))).toEqual([]);
      expect(
        await code(
          applyCash(store, { id: 'E11', paymentId: 'P1', documentNumber: 'D', ...at, date: date('2024-07-06') }),
        ),
      ).toEqual(['not_allowed', 'payment_reversed']);
    });
  });
}
