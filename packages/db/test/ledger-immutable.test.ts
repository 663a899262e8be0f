import type { Reversal, Stored, WriteOff } from '@credence/app';
import { type Allocation, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, invoice, payment } from './fixtures';
import { targets, useTarget } from './harness';

// Every ledger row records who wrote it and when (the writer's clock), and the database itself refuses
// to change or delete ledger rows: only the read-model caches (`document_closings`, `payments.applied_on`) may change.
const AT = new Date('2026-06-30T09:15:00.123Z');

const allocation: Allocation = {
  kind: 'payment',
  entryId: 'P-1',
  documentNumber: 'I-1',
  buyerId: 'B1',
  date: date('2024-02-10'),
  delta: -4_000n,
  currency: EUR,
};
const writeOff: Stored<WriteOff> = {
  id: 'W-1',
  documentNumber: 'I-1',
  date: date('2024-03-01'),
  amount: 1_000n,
  reason: 'goodwill',
  idempotencyKey: 'wo:W-1',
  contentHash: 'h-w',
};
const reversal: Stored<Reversal> = {
  id: 'R-1',
  kind: 'write_off',
  targetId: 'W-1',
  date: date('2024-03-02'),
  reason: 'mistake',
  idempotencyKey: 'rv:R-1',
  contentHash: 'h-r',
};

/** Each ledger table with a harmless UPDATE of one of its columns. */
const UPDATES = [
  ['documents', sql`update documents set amount = amount + 1`],
  ['documents', sql`update documents set due_date = due_date + 1`],
  ['payments', sql`update payments set amount = 1`],
  ['allocations', sql`update allocations set delta = 0`],
  ['write_offs', sql`update write_offs set reason = 'other'`],
  ['reversals', sql`update reversals set reason = 'other'`],
  ['payments', sql`update payments set recorded_by = 'mallory'`],
] as const;
const TABLES = ['documents', 'payments', 'allocations', 'write_offs', 'reversals'] as const;

for (const target of targets()) {
  describe(`ledger attribution and immutability on ${target.name}`, () => {
    const h = useTarget(target);

    it('stamps every ledger row with the operator, the clock instant and the source file', async () => {
      const store = storeOn(h().engine, { by: 'anna', source: 'march.csv', now: () => AT });
      await store.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
        await tx.insertDocuments([invoice('I-1')]);
        await tx.insertPayments([payment('P-1', { amount: 4_000n })]);
        await tx.insertAllocations([allocation]);
        await tx.insertWriteOffs([writeOff]);
        await tx.insertReversals([reversal]);
      });
      const recorded = { recordedBy: 'anna', recordedAt: AT, source: 'march.csv' };
      expect((await store.findDocuments(['I-1']))[0]?.recorded).toEqual(recorded);
      expect((await store.findPayments(['P-1']))[0]?.recorded).toEqual(recorded);
      expect((await store.paymentsOf('B1'))[0]?.recorded).toEqual(recorded);
      await store.transact(async (tx) => {
        expect((await tx.findWriteOffs(['W-1']))[0]?.recorded).toEqual(recorded);
        expect((await tx.findReversals(['R-1']))[0]?.recorded).toEqual(recorded);
      });
      expect(await store.correctionsOf('B1')).toEqual({
        writeOffs: [{ ...writeOff, recorded }],
        reversals: [{ ...reversal, recorded }],
      });
      expect(await store.correctionsOf('B2')).toEqual({ writeOffs: [], reversals: [] });
      for (const table of TABLES) {
        const { rows } = await sql<{ recorded_by: string; recorded_at: Date }>`
          select recorded_by, recorded_at from ${sql.table(table)}`.execute(h().engine.db);
        expect(rows, table).toEqual([{ recorded_by: 'anna', recorded_at: AT }]);
      }
    });

    it.each(UPDATES)('refuses UPDATE on %s (%#)', async (_table, update) => {
      await expect(update.execute(h().engine.db)).rejects.toThrow(/append-only/);
    });

    it('refuses an UPDATE of every documents column', async () => {
      const { engine } = h();
      const { rows } = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_name = 'documents' and table_schema = current_schema() order by ordinal_position`.execute(
        engine.db,
      );
      const columns = rows.map((r) => r.column_name);
      expect(columns).toContain('recorded_by');
      expect(columns).not.toContain('closed_on');
      for (const c of columns) {
        await expect(sql`update documents set ${sql.id(c)} = ${sql.id(c)}`.execute(engine.db), c).rejects.toThrow(
          /append-only/,
        );
      }
    });

    it.each(TABLES)('refuses DELETE on %s', async (table) => {
      await expect(sql`delete from ${sql.table(table)}`.execute(h().engine.db)).rejects.toThrow(/append-only/);
    });

    it('keeps the ledger as it was, and lets the read models of open and closed documents change', async () => {
      const { engine, store } = h();
      await sql`insert into document_closings (number, closed_on, buyer_id, type, issue_date, due_date, currency, amount)
                select number, '2024-03-01', buyer_id, type, issue_date, due_date, currency, amount
                from open_documents where number = 'I-1'`.execute(engine.db);
      await sql`delete from open_documents where number = 'I-1'`.execute(engine.db);
      await sql`update document_closings set closed_on = '2024-03-02'`.execute(engine.db);
      await sql`delete from document_closings`.execute(engine.db);
      expect(await store.counts()).toMatchObject({ documents: 1, payments: 1, allocations: 1 });
      expect((await store.findPayments(['P-1']))[0]).toMatchObject({
        amount: 4_000n,
        recorded: { recordedBy: 'anna' },
      });
      expect((await store.findDocuments(['I-1']))[0]?.amount).toBe(10_000n);
    });
  });
}
