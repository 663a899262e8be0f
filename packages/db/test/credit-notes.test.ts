import { importDocuments, importPayments } from '@credence/app';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

const file = rowFile;

const DOCS = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency', 'type', 'applies_to'];
const PAYS = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];

/**
 * INV-1 1000.00 due 2024-02-09, 200.00 paid on 02-01. CN-1 300.00 (03-01) and CN-2 600.00 (03-05) both
 * name INV-1: CN-1 applies whole; CN-2 applies the 500.00 left and keeps 100.00 in the buyer's favour.
 */
const credits = file('credits.csv', DOCS, [
  ['CN-1', 'B1', '2024-03-01', '2024-03-01', '300', 'EUR', 'credit_note', 'INV-1'],
  ['CN-2', 'B1', '2024-03-05', '2024-03-05', '600', 'EUR', 'credit_note', 'INV-1'],
]);

for (const target of targets()) {
  describe(`credit notes applied at import on ${target.name}`, () => {
    const h = useTarget(target);

    it('ages the invoice net of the credit note from the credit note date on; re-import changes nothing', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([{ id: 'B1', name: 'Alpha', country: 'DE', currency: EUR, paymentTermsDays: 30 }]),
      );
      const inv = await importDocuments(
        store,
        file('inv.csv', DOCS, [['INV-1', 'B1', '2024-01-10', '2024-02-09', '1000', 'EUR', 'invoice', '']]),
      );
      expect(inv.ok).toBe(true);
      const pay = await importPayments(
        store,
        file('pay.csv', PAYS, [['P-1', 'B1', '2024-02-01', '200', 'EUR', 'INV-1']]),
      );
      expect(pay).toMatchObject({ ok: true, value: { allocations: 1 } });
      expect(await importDocuments(store, credits)).toMatchObject({ ok: true, value: { created: 2, allocations: 4 } });

      const bounds = [30, 60, 90];
      expect(await store.agingCells(date('2024-02-29'), bounds, false)).toEqual([
        { currency: 'EUR', bucket: 1, amount: 80_000n, count: 1 },
      ]);
      expect(await store.agingCells(date('2024-03-01'), bounds, false)).toEqual([
        { currency: 'EUR', bucket: 1, amount: 50_000n, count: 1 },
      ]);
      expect(await store.agingCells(date('2024-03-05'), bounds, false)).toEqual([
        { currency: 'EUR', bucket: 0, amount: -10_000n, count: 1 },
      ]);
      expect((await store.buyerOpenItems('B1', date('2024-03-04'))).map((o) => [o.number, o.open])).toEqual([
        ['INV-1', 50_000n],
      ]);
      expect(await store.openInvoices(['B1'])).toEqual([]);

      const [cn1, invoice] = await Promise.all([store.findDocuments(['CN-1']), store.findDocuments(['INV-1'])]);
      expect(cn1[0]?.appliesTo).toBe('INV-1');
      expect(invoice[0]).not.toHaveProperty('appliesTo');

      const counts = await store.counts();
      expect(counts).toMatchObject({ documents: 3, allocations: 5 });
      expect(await importDocuments(store, credits)).toMatchObject({
        ok: true,
        value: { created: 0, unchanged: 2, allocations: 0 },
      });
      expect(await store.counts()).toEqual(counts);

      // Payment behaviour counts the payment only, not the credit notes.
      expect(await store.behaviourSums(date('2024-01-01'), date('2024-12-31'))).toEqual([
        {
          buyerId: 'B1',
          currency: 'EUR',
          settledAmount: 20_000n,
          settlements: 1,
          amountTimesDaysToPay: 20_000n * 22n,
          amountTimesDaysLate: 0n,
          lateSettlements: 0,
          maxDaysLate: 0,
        },
      ]);
    });
  });
}
