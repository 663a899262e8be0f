import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { EUR, invoice, payment } from './fixtures';
import { targets, useTarget } from './harness';

for (const target of targets()) {
  describe(`transactions and idempotency on ${target.name}`, () => {
    const h = useTarget(target);

    it('writes nothing when the work throws, even after a bulk COPY', async () => {
      const { store, reset } = h();
      await reset();
      const many = Array.from({ length: 2_500 }, (_, i) => invoice(`R-${i}`));
      const attempt = store.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'B', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
        await tx.insertDocuments(many);
        await tx.insertPayments([payment('P-R')]);
        expect((await tx.counts()).documents).toBe(2_500);
        throw new Error('abort');
      });
      await expect(attempt).rejects.toThrow('abort');
      expect(await store.counts()).toEqual({ buyers: 0, documents: 0, payments: 0, allocations: 0 });
    });

    it('commits what the work wrote and returns its value', async () => {
      const { store, reset } = h();
      await reset();
      const value = await store.transact(async (tx) => {
        await tx.insertDocuments([invoice('C-1')]);
        return 42;
      });
      expect(value).toBe(42);
      expect((await store.findDocuments(['C-1'])).map((d) => d.number)).toEqual(['C-1']);
    });

    it('rejects a second document with the same idempotency key, and keeps the first', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) => tx.insertDocuments([invoice('K-1', { idempotencyKey: 'same' })]));
      const again = store.transact((tx) =>
        tx.insertDocuments([invoice('K-2'), invoice('K-3', { idempotencyKey: 'same' })]),
      );
      await expect(again).rejects.toThrow();
      expect((await store.counts()).documents).toBe(1);
      expect(await store.findDocuments(['K-2', 'K-3'])).toEqual([]);
    });

    it('rejects a document number stored before', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) => tx.insertDocuments([invoice('N-1')]));
      await expect(
        store.transact((tx) => tx.insertDocuments([invoice('N-1', { idempotencyKey: 'other' })])),
      ).rejects.toThrow();
      expect((await store.counts()).documents).toBe(1);
    });

    it('rejects repeated keys of payments, write-offs and reversals', async () => {
      const { store, reset } = h();
      await reset();
      const wo = { id: 'W1', documentNumber: 'N', date: date('2024-01-01'), amount: 1n, reason: 'r' };
      const rv = { id: 'R1', kind: 'payment' as const, targetId: 'P1', date: date('2024-01-01'), reason: 'r' };
      await store.transact(async (tx) => {
        await tx.insertPayments([payment('P1', { idempotencyKey: 'kp' })]);
        await tx.insertWriteOffs([{ ...wo, idempotencyKey: 'kw', contentHash: 'h' }]);
        await tx.insertReversals([{ ...rv, idempotencyKey: 'kr', contentHash: 'h' }]);
      });
      await expect(
        store.transact((tx) => tx.insertPayments([payment('P2', { idempotencyKey: 'kp' })])),
      ).rejects.toThrow();
      await expect(
        store.transact((tx) => tx.insertWriteOffs([{ ...wo, id: 'W2', idempotencyKey: 'kw', contentHash: 'h' }])),
      ).rejects.toThrow();
      await expect(
        store.transact((tx) => tx.insertReversals([{ ...rv, id: 'R2', idempotencyKey: 'kr', contentHash: 'h' }])),
      ).rejects.toThrow();
      expect(await store.findPayments(['P1', 'P2'])).toHaveLength(1);
      await store.transact(async (tx) => {
        expect(await tx.findWriteOffs(['W1', 'W2'])).toHaveLength(1);
        expect(await tx.findReversals(['R1', 'R2'])).toHaveLength(1);
        expect(await tx.reversalOf('payment', 'P1')).toMatchObject({ id: 'R1', targetId: 'P1' });
        expect(await tx.reversalOf('write_off', 'P1')).toBeUndefined();
      });
    });
  });
}
