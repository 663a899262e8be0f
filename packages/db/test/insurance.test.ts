import { checkOrder, listAudit, recordPayment } from '@credence/app';
import {
  addInsurancePolicy,
  insuranceClaim,
  insuranceDeadlines,
  insuranceExposure,
  recordInsuranceEvent,
} from '@credence/app/insurance';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, invoice } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 15: the policy, the insured-limit decisions and the claim are stored, audited and read back on both
// stores; exposure, deadlines and the claim come out of the core's rules.
const AT = new Date('2026-06-30T09:00:00Z');
const POLICY = {
  insurer: 'Example Credit Insurance',
  policyNumber: 'P-1',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'EUR',
  countries: ['DE'],
  nonQualifyingLoss: '500.00',
};

for (const target of targets()) {
  describe(`credit insurance on ${target.name}`, () => {
    const h = useTarget(target);

    it('policy, limits with a reduction, exposure, deadlines, claim and recovery', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => AT });
      await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 60 },
          { id: 'B2', name: 'Bolt', country: 'DE', currency: EUR, paymentTermsDays: 60 },
        ]);
        await tx.insertDocuments([
          invoice('A1', { issueDate: date('2026-01-10'), dueDate: date('2026-03-11'), amount: 1_190_000n }),
          invoice('B1-1', {
            buyerId: 'B2',
            issueDate: date('2026-02-10'),
            dueDate: date('2026-04-11'),
            amount: 2_000_000n,
          }),
          invoice('B1-2', {
            buyerId: 'B2',
            issueDate: date('2026-03-02'),
            dueDate: date('2026-05-01'),
            amount: 500_000n,
          }),
        ]);
      });
      const stored = await addInsurancePolicy(store, { body: POLICY, reason: 'signed', by: 'cora' });
      expect(stored.ok && stored.value.version).toBe(1);
      const again = await addInsurancePolicy(store, { body: POLICY, reason: 'rerun', by: 'cora' });
      expect(again.ok && again.value.version).toBe(1);
      expect(
        (await addInsurancePolicy(store, { body: { ...POLICY, coverPercent: 190 }, reason: '', by: 'cora' })).ok,
      ).toBe(false);

      const ev = (x: Parameters<typeof recordInsuranceEvent>[1]) => recordInsuranceEvent(store, x);
      expect(
        (
          await ev({
            buyerId: 'B1',
            kind: 'limit_approved',
            date: date('2026-01-05'),
            amount: '50000.00',
            reference: 'D-1',
            by: 'cora',
          })
        ).ok,
      ).toBe(true);
      expect(
        (await ev({ buyerId: 'B2', kind: 'limit_approved', date: date('2026-01-05'), amount: '30000.00', by: 'cora' }))
          .ok,
      ).toBe(true);
      expect(
        (await ev({ buyerId: 'B2', kind: 'limit_reduced', date: date('2026-03-01'), amount: '10000.00', by: 'cora' }))
          .ok,
      ).toBe(true);
      const bad = await ev({
        buyerId: 'B2',
        kind: 'limit_approved',
        date: date('2026-03-01'),
        amount: '1.00',
        currency: 'USD',
        by: 'cora',
      });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('currency_mismatch');
      const early = await ev({ buyerId: 'B1', kind: 'recovery', date: date('2026-03-01'), amount: '1.00', by: 'cora' });
      expect(early.ok ? 'ok' : early.error.params.reason).toBe('no_notification');

      const exposure = await insuranceExposure(store, date('2026-03-05'));
      expect(
        exposure.map((r) => [r.buyerId, r.receivables, r.insured, r.uninsured, r.limit.amount, r.headroom]),
      ).toEqual([
        ['B1', 1_190_000n, 1_190_000n, 0n, 5_000_000n, 3_810_000n],
        ['B2', 2_500_000n, 2_000_000n, 500_000n, 1_000_000n, 0n],
      ]);

      const deadlines = await insuranceDeadlines(store, date('2026-05-01'), 30);
      expect(deadlines.map((d) => [d.buyerId, d.kind, d.date, d.daysLeft])).toEqual([['B1', 'mep', '2026-05-10', 9]]);

      // The order check: B1 past its MEP (2026-05-10) is held; B2's order above the insured limit is reported.
      const check = { holdWhenOverdueDays: 365, referWhenOverdueDays: 365, referFromGrade: 11 };
      const held = await checkOrder(store, check, {
        buyerId: 'B1',
        amount: 100n,
        currency: EUR,
        asOf: date('2026-05-11'),
      });
      expect(held.ok && [held.value.decision, held.value.reasons.map((r) => r.code)]).toEqual([
        'hold',
        ['no_limit', 'insurance_mep_passed'],
      ]);
      const onMep = await checkOrder(store, check, {
        buyerId: 'B1',
        amount: 100n,
        currency: EUR,
        asOf: date('2026-05-10'),
      });
      expect(onMep.ok && onMep.value.decision).toBe('refer');
      const above = await checkOrder(store, check, {
        buyerId: 'B2',
        amount: 500_000n,
        currency: EUR,
        asOf: date('2026-03-05'),
      });
      expect(above.ok && above.value.reasons.find((r) => r.code === 'insurance_uninsured')?.params).toEqual({
        uninsured: '500000',
        insured: '0',
        policy: 'P-1',
      });

      expect((await ev({ buyerId: 'B1', kind: 'notification', date: date('2026-06-01'), by: 'cora' })).ok).toBe(true);
      const twice = await ev({ buyerId: 'B1', kind: 'notification', date: date('2026-06-02'), by: 'cora' });
      expect(twice.ok ? 'ok' : twice.error.params.reason).toBe('notification_recorded_already');
      const paid = await recordPayment(store, {
        id: 'P1',
        buyerId: 'B1',
        date: date('2026-07-15'),
        amount: 119_000n,
        currency: EUR,
        documentNumber: 'A1',
      });
      expect(paid.ok).toBe(true);
      await ev({
        buyerId: 'B1',
        kind: 'claim_document',
        date: date('2026-06-05'),
        reference: 'statement.pdf',
        by: 'cora',
      });
      await ev({ buyerId: 'B1', kind: 'recovery', date: date('2026-11-30'), amount: '1000.00', by: 'cora' });
      const claim = await insuranceClaim(store, { buyerId: 'B1', asOf: date('2026-12-01') });
      if (!claim.ok) throw new Error(JSON.stringify(claim.error));
      // VAT is not in the ledger: the loss is the gross 10710.00; 90 % = 9639.00; pro rata 9639/10710 of 1000.00.
      expect([
        claim.value.settlement.dateOfLoss,
        claim.value.settlement.loss,
        claim.value.settlement.indemnity,
      ]).toEqual(['2026-10-29', 1_071_000n, 963_900n]);
      expect(claim.value.owedToInsurer).toBe(90_000n);
      expect(claim.value.documents).toEqual(['statement.pdf']);
      const after = await insuranceDeadlines(store, date('2026-10-01'), 60);
      expect(after.map((d) => [d.buyerId, d.kind, d.date, d.amount])).toEqual([
        ['B2', 'mep', '2026-06-10', 2_000_000n],
        ['B2', 'notify_overdue', '2026-07-10', 2_000_000n],
        ['B1', 'claim_file', '2026-10-29', 963_900n],
        ['B1', 'indemnity_expected', '2026-11-28', 963_900n],
      ]);

      const audit = await listAudit(store, { entity: 'buyer:B2' });
      expect(audit.filter((e) => e.action.startsWith('insurance_')).map((e) => [e.action, e.actor])).toEqual([
        ['insurance_limit_approved', 'cora'],
        ['insurance_limit_reduced', 'cora'],
      ]);
    });
  });
}
