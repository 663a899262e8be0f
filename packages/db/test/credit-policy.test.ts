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
    });
  });
}
