import { importBuyers } from '@credence/app';
import { addInsurancePolicy, insuranceExposure, recordInsuranceEvent } from '@credence/app/insurance';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { invoice, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Migration 085: the buyer import says which buyers are affiliates or public bodies (yes/no), and a policy that
// excludes them (`exclusions.affiliates`, `exclusions.publicBuyers`, both excluded by default) insures nothing of
// theirs: the same invoice and limit, insured in full for an ordinary buyer, not at all for the other two.
const AT = new Date('2026-06-30T09:00:00Z');
const POLICY = {
  insurer: 'Example Credit Insurance',
  policyNumber: 'P-X',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  currency: 'EUR',
  countries: ['DE'],
};
const COLUMNS = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'affiliate', 'public_buyer'];

for (const target of targets()) {
  describe(`affiliates and public buyers under credit insurance on ${target.name}`, () => {
    const h = useTarget(target);

    it('stores the two flags from the buyer import and leaves those buyers uninsured where the policy excludes them', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => AT });
      const imported = await importBuyers(
        store,
        rowFile('buyers.csv', COLUMNS, [
          ['B1', 'Plain GmbH', 'DE', 'EUR', '60', 'no', ''],
          ['B2', 'Sister GmbH', 'DE', 'EUR', '60', 'yes', 'no'],
          ['B3', 'Stadtwerke', 'DE', 'EUR', '60', '', 'yes'],
        ]),
      );
      expect(imported.ok).toBe(true);
      const bad = await importBuyers(store, rowFile('bad.csv', COLUMNS, [['B4', 'X', 'DE', 'EUR', '60', 'maybe', '']]));
      expect(bad.ok).toBe(false);
      const buyers = await store.findBuyers(['B1', 'B2', 'B3']);
      expect(buyers.map((b) => [b.id, b.affiliate, b.publicBuyer])).toEqual([
        ['B1', false, undefined],
        ['B2', true, false],
        ['B3', undefined, true],
      ]);
      await store.transact((tx) =>
        tx.insertDocuments(
          ['B1', 'B2', 'B3'].map((b) =>
            invoice(`I-${b}`, {
              buyerId: b,
              issueDate: date('2026-02-01'),
              dueDate: date('2026-04-02'),
              amount: 1_000_000n,
            }),
          ),
        ),
      );
      expect((await addInsurancePolicy(store, { body: POLICY, reason: 'signed', by: 'cora' })).ok).toBe(true);
      for (const buyerId of ['B1', 'B2', 'B3']) {
        const r = await recordInsuranceEvent(store, {
          buyerId,
          kind: 'limit_approved',
          amount: '50000',
          date: date('2026-01-05'),
          by: 'cora',
        });
        expect(r.ok).toBe(true);
      }
      const exposure = await insuranceExposure(store, date('2026-03-31'));
      expect(exposure.map((r) => [r.buyerId, r.receivables, r.insured])).toEqual([
        ['B1', 1_000_000n, 1_000_000n],
        ['B2', 1_000_000n, 0n],
        ['B3', 1_000_000n, 0n],
      ]);
      // A policy that covers affiliates and public buyers insures all three.
      const all = { ...POLICY, exclusions: { affiliates: false, publicBuyers: false } };
      expect((await addInsurancePolicy(store, { body: all, reason: 'extended', by: 'cora' })).ok).toBe(true);
      const covered = await insuranceExposure(store, date('2026-03-31'));
      expect(covered.map((r) => r.insured)).toEqual([1_000_000n, 1_000_000n, 1_000_000n]);
    });
  });
}
