import { addSecurity, endSecurity, listAudit, listSecurities } from '@credence/app';
import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { BEYOND_DOUBLE, EUR, invoice, USD } from './fixtures';
import { targets, useTarget } from './harness';

// The credit policy's reads (issue 18): every buyer's turnover in one grouped read.
for (const target of targets()) {
  describe(`credit policy reads on ${target.name}`, () => {
    const h = useTarget(target);

    it("gives every buyer's signed sales in the window, per currency, exact past 2^53", async () => {
      const { store, reset } = h();
      await reset();
      await store.transact(async (tx) => {
        await tx.upsertBuyers([
          { id: 'B1', name: 'One', country: 'DE', currency: EUR, paymentTermsDays: 30 },
          { id: 'B2', name: 'Two', country: 'US', currency: USD, paymentTermsDays: 30 },
        ]);
        await tx.insertDocuments([
          invoice('S-1', { amount: 500n, issueDate: date('2024-03-01') }),
          invoice('S-2', { type: 'credit_note', amount: 200n, issueDate: date('2024-04-01') }),
          invoice('S-3', { amount: 7n, issueDate: date('2023-01-01') }),
          invoice('S-4', { buyerId: 'B2', amount: BEYOND_DOUBLE, currency: USD, issueDate: date('2024-12-31') }),
          invoice('S-5', { buyerId: 'B2', amount: 1n, issueDate: date('2024-01-01') }),
        ]);
      });
      expect(await store.salesByBuyer(date('2024-01-01'), date('2024-12-31'))).toEqual([
        { buyerId: 'B1', currency: EUR, amount: 300n },
        { buyerId: 'B2', currency: EUR, amount: 1n },
        { buyerId: 'B2', currency: USD, amount: BEYOND_DOUBLE },
      ]);
      expect(await store.salesByBuyer(date('2025-01-01'), date('2025-12-31'))).toEqual([]);
      // A buyer's documents of a period (the account statement), by issue date and number.
      const docs = await store.buyerDocuments('B1', date('2024-03-01'), date('2024-04-30'));
      expect(docs.map((d) => [d.number, d.type, d.amount])).toEqual([
        ['S-1', 'invoice', 500n],
        ['S-2', 'credit_note', 200n],
      ]);
    });

    it('records securities append-only and audited, exact past 2^53; one addition and one end per reference', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([{ id: 'B1', name: 'One', country: 'DE', currency: EUR, paymentTermsDays: 30 }]),
      );
      const terms = {
        kind: 'guarantee' as const,
        issuer: 'Parent AG',
        amount: BEYOND_DOUBLE,
        currency: EUR,
        validFrom: date('2026-01-01'),
        expiresOn: date('2026-12-31'),
        contract: 'C-7',
      };
      const today = date('2026-06-30');
      const g = { buyerId: 'B1', securityId: 'G-1', terms, reason: 'parent guarantee', by: 'cora' };
      expect((await addSecurity(store, g, today)).ok).toBe(true);
      expect((await addSecurity(store, g, today)).ok).toBe(true); // a rerun: nothing new
      const rt = { kind: 'retention_of_title' as const, issuer: 'B1', validFrom: date('2026-01-01') };
      expect((await addSecurity(store, { ...g, securityId: 'RT', terms: rt }, today)).ok).toBe(true);
      const end = await endSecurity(store, { buyerId: 'B1', securityId: 'RT', reason: 'lifted', by: 'cora' }, today);
      expect(end.ok).toBe(true);
      const events = await store.securityEventsOf('B1');
      expect(events.map((e) => [e.securityId, e.action])).toEqual([
        ['G-1', 'add'],
        ['RT', 'add'],
        ['RT', 'end'],
      ]);
      expect(events[0]).toMatchObject({ action: 'add', terms, by: 'cora', recordedOn: '2026-06-30' });
      expect(await store.allSecurityEvents()).toEqual(events);
      const list = await listSecurities(store, { asOf: today, warnDays: 30 });
      expect(list.ok && list.value.map((s) => [s.securityId, s.status])).toEqual([
        ['G-1', 'in_force'],
        ['RT', 'ended'],
      ]);
      const audit = await listAudit(store, { entity: 'buyer:B1' });
      expect(audit.map((a) => [a.action, a.reason])).toEqual(
        expect.arrayContaining([
          ['security_add', 'parent guarantee'],
          ['security_end', 'lifted'],
        ]),
      );
      await expect(
        store.transact((tx) =>
          tx.appendSecurityEvent({ ...g, action: 'end', endsOn: today, recordedOn: today, securityId: 'RT' }),
        ),
      ).rejects.toThrow();
    });
  });
}
