import {
  type Company,
  confirmDelivery,
  importPayments,
  listAudit,
  listUnconfirmedDeliveries,
  refreshWorklist,
} from '@credence/app';
import { type CurrencyCode, date, parseDunningPolicy, parseRateTables } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Delivery confirmation (issue 18, item 5) on the real stores: what awaits proof of delivery, a confirmation
// recorded once and audited, a paid invoice no longer asked for.
const policy = { afterDays: 7, minimum: { EUR: '1000.00' } };
for (const target of targets()) {
  describe(`delivery confirmations on ${target.name}`, () => {
    const h = useTarget(target);

    it('lists open invoices from the amount delivered 7 days ago, records a confirmation once, audited', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'One', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
        await tx.insertDocuments([
          invoice('D-1', { amount: 500_000n, issueDate: date('2026-03-01'), dueDate: date('2026-03-31') }),
          invoice('D-2', {
            amount: 200_000n,
            issueDate: date('2026-03-01'),
            deliveryDate: date('2026-03-06'),
            dueDate: date('2026-03-31'),
          }),
          invoice('D-3', { amount: 99_999n, issueDate: date('2026-03-01'), dueDate: date('2026-03-31') }),
          invoice('D-4', { amount: 300_000n, issueDate: date('2026-03-01'), dueDate: date('2026-03-31') }),
        ]);
      });
      const payCols = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
      const paid = await importPayments(
        store,
        rowFile('payments.csv', payCols, [['P-1', 'B1', '2026-03-05', '3000.00', 'EUR', 'D-4']]),
      );
      expect(paid.ok).toBe(true);
      const asOf = date('2026-03-12');
      const due = await listUnconfirmedDeliveries(store, { asOf, policy });
      // D-1 delivered (invoice date) 03-01, due 03-08; D-2 delivered 03-06, due 03-13 (not yet); D-3 below 1000; D-4 paid.
      expect(due.map((d) => [d.number, d.deliveredOn, d.dueOn, d.daysLate])).toEqual([
        ['D-1', '2026-03-01', '2026-03-08', 4],
      ]);
      const later = await listUnconfirmedDeliveries(store, { asOf: date('2026-03-13'), policy, buyerId: 'B1' });
      expect(later.map((d) => d.number)).toEqual(['D-1', 'D-2']);
      // The worklist opens a confirm_delivery task for D-1 and keeps it until the delivery is confirmed.
      const rates = parseRateTables({ ecb: {}, boe: {}, 'de-base': {} });
      const dunning = parseDunningPolicy({
        id: 'd',
        minimumOverdue: '0',
        levels: [{ id: 'friendly', offsetDays: 1, channel: 'email', tone: 'reminder', fee: '0', deadlineDays: 10 }],
      });
      if (!rates.ok || !dunning.ok) throw new Error('policies');
      const company = {
        name: 'N',
        address: [],
        bankAccount: { bankName: 'B', accountName: 'N' },
        contact: { name: 'A', email: 'a@n.example' },
        language: 'en',
        interestRegime: 'none',
        promiseGraceDays: 3,
        planGraceDays: 5,
      } as Company;
      const day = (d: string) => ({
        asOf: date(d),
        policy: dunning.value,
        company,
        rates: rates.value,
        currency: 'EUR' as CurrencyCode,
        defaultPd: 0.02,
        delivery: policy,
      });
      const tasksOn = async (d: string) => {
        const r = await refreshWorklist(store, day(d));
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      const before = await tasksOn('2026-03-12');
      const task = before.tasks.find((t) => t.action === 'confirm_delivery');
      expect(task).toMatchObject({ key: 'confirm_delivery:D-1', buyerId: 'B1', amount: 500_000n, daysOverdue: 4 });
      expect(task?.reason).toMatchObject({
        code: 'delivery_unconfirmed',
        params: { document: 'D-1', deliveredOn: '2026-03-01' },
      });
      const x = { document: 'D-1', date: date('2026-03-02'), ref: 'POD-77', by: 'cora' };
      expect(await confirmDelivery(store, x, asOf)).toMatchObject({ ok: true, value: { created: true } });
      expect(await confirmDelivery(store, x, asOf)).toMatchObject({ ok: true, value: { created: false } });
      const other = await confirmDelivery(store, { ...x, date: date('2026-03-03') }, asOf);
      expect(other.ok || other.error.code).toBe('idempotency_conflict');
      expect((await confirmDelivery(store, { ...x, document: 'NOPE' }, asOf)).ok).toBe(false);
      expect((await listUnconfirmedDeliveries(store, { asOf, policy })).map((d) => d.number)).toEqual([]);
      const after = await tasksOn('2026-03-12');
      expect(after.tasks.some((t) => t.action === 'confirm_delivery')).toBe(false);
      expect(after.closed.map((t) => [t.key, t.closeReason])).toEqual([['confirm_delivery:D-1', 'delivery_confirmed']]);
      expect(await store.deliveryConfirmations(['D-1'])).toEqual([
        {
          document: 'D-1',
          buyerId: 'B1',
          deliveredOn: '2026-03-02',
          ref: 'POD-77',
          by: 'cora',
          recordedOn: '2026-03-12',
        },
      ]);
      const audit = await listAudit(store, { entity: 'document:D-1' });
      expect(audit.filter((a) => a.action === 'delivery_confirm')).toHaveLength(1);
    });
  });
}
