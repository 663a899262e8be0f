import { addInsurancePolicy, insuranceClaim, insuranceExposure, recordInsuranceEvent } from '@credence/app/insurance';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, invoice } from './fixtures';
import { targets, useTarget } from './harness';

// Migration 070: an invoice's VAT, stored with it and read back, so a policy that excludes VAT insures the amount
// net of it (docs/domain/credit-insurance.md, "Amounts in the product"). The worked figures: 11,900.00 gross with
// 1,900.00 VAT under a 50,000.00 limit.
const AT = new Date('2026-06-30T09:00:00Z');
const POLICY = {
  insurer: 'Example Credit Insurance',
  policyNumber: 'P-V',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'EUR',
  countries: ['DE'],
};

for (const target of targets()) {
  describe(`VAT under credit insurance on ${target.name}`, () => {
    const h = useTarget(target);

    it('stores the VAT, insures net of it when the policy excludes VAT, gross when it does not', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => AT });
      await store.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 60 }]);
        await tx.insertDocuments([
          invoice('V1', {
            issueDate: date('2026-01-10'),
            dueDate: date('2026-03-11'),
            amount: 1_190_000n,
            vat: 190_000n,
          }),
          invoice('V2', { issueDate: date('2026-01-12'), dueDate: date('2026-03-13'), amount: 500_000n }),
        ]);
      });
      const read = await store.findDocuments(['V1', 'V2']);
      expect(read.map((d) => [d.number, d.vat])).toEqual([
        ['V1', 190_000n],
        ['V2', undefined],
      ]);

      expect((await addInsurancePolicy(store, { body: POLICY, reason: 'signed', by: 'cora' })).ok).toBe(true);
      const approved = await recordInsuranceEvent(store, {
        buyerId: 'B1',
        kind: 'limit_approved',
        amount: '50000',
        date: date('2026-01-05'),
        by: 'cora',
      });
      expect(approved.ok).toBe(true);
      // VAT excluded (the default): 11,900.00 − 1,900.00 = 10,000.00 insured of V1, V2 (no VAT given) in full.
      const net = await insuranceExposure(store, date('2026-03-31'));
      expect(net.map((r) => [r.receivables, r.insured, r.uninsured])).toEqual([[1_690_000n, 1_500_000n, 190_000n]]);

      // The claim's loss is net too: the notification of both invoices, the loss 10,000.00 + 5,000.00.
      expect(
        (
          await recordInsuranceEvent(store, {
            buyerId: 'B1',
            kind: 'notification',
            date: date('2026-06-01'),
            by: 'cora',
          })
        ).ok,
      ).toBe(true);
      const claim = await insuranceClaim(store, { buyerId: 'B1', asOf: date('2026-06-30') });
      expect(claim.ok && claim.value.settlement.debts.map((d) => [d.invoiceId, d.openAtNotification, d.loss])).toEqual([
        ['V1', 1_190_000n, 1_000_000n],
        ['V2', 500_000n, 500_000n],
      ]);

      // A policy that insures VAT: the gross amount.
      const gross = { ...POLICY, exclusions: { vat: false } };
      expect((await addInsurancePolicy(store, { body: gross, reason: 'VAT insured', by: 'cora' })).ok).toBe(true);
      const all = await insuranceExposure(store, date('2026-03-31'));
      expect(all.map((r) => [r.receivables, r.insured, r.uninsured])).toEqual([[1_690_000n, 1_690_000n, 0n]]);
    });
  });
}
