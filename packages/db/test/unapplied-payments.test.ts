import { applyCash, importDocuments, importPayments, reverseEntry } from '@credence/app';
import { type BusinessDate, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// The credit check reads a buyer's unapplied payments on the ERP's order path; the read skips payments
// applied in full by the date (`payments.applied_on`). As of every date it must equal what the payment rows
// and their allocation rows give, computed here from the rows alone.
for (const target of targets()) {
  describe(`unapplied payments of a buyer on ${target.name}`, () => {
    const h = useTarget(target);

    it('skipping the payments applied by the date changes no answer, as of any date', async () => {
      const { store, engine, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers([{ id: 'B1', name: 'One', country: 'DE', currency: EUR, paymentTermsDays: 30 }]),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['A', 'B1', 'invoice', '2024-01-01', '2024-01-31', '100', 'EUR'],
            ['B', 'B1', 'invoice', '2024-01-05', '2024-02-04', '50', 'EUR'],
            ['C', 'B1', 'invoice', '2024-01-10', '2024-02-09', '40', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      // P1 pays A and leaves 50; P2 pays C exactly; P3 (naming nothing) goes to B and is reversed on 2024-04-01,
      // which reopens B; then P1's 50 is applied to B on 2024-05-01.
      const pays = await importPayments(
        store,
        file(
          'p.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          [
            ['P1', 'B1', '2024-03-01', '150', 'EUR', 'A'],
            ['P2', 'B1', '2024-03-02', '40', 'EUR', 'C'],
            ['P3', 'B1', '2024-03-03', '30', 'EUR', ''],
          ],
        ),
      );
      expect(pays.ok).toBe(true);
      const reversed = await reverseEntry(store, {
        id: 'R1',
        kind: 'payment',
        targetId: 'P3',
        date: date('2024-04-01'),
        reason: 'bounced',
      });
      expect(reversed.ok).toBe(true);

      const applied = await applyCash(store, {
        id: 'AP1',
        paymentId: 'P1',
        documentNumber: 'B',
        date: date('2024-05-01'),
        by: 'alice',
      });
      expect(applied.ok).toBe(true);
      // The cache is set where the rows say so: P1 from 2024-05-01, P2 from its date, P3 from its reversal.
      const cache = await sql<{ id: string; applied_on: string | null }>`
        select id, to_char(applied_on, 'YYYY-MM-DD') as applied_on from payments order by id`.execute(engine.db);
      expect(cache.rows).toEqual([
        { id: 'P1', applied_on: '2024-05-01' },
        { id: 'P2', applied_on: '2024-03-02' },
        { id: 'P3', applied_on: '2024-04-01' },
      ]);

      // From the rows alone: amount + the allocation deltas dated ≤ asOf, unless a reversal dated ≤ asOf.
      const computed = async (asOf: BusinessDate) => {
        const { rows } = await sql<{ id: string; left: string }>`
          select p.id, (p.amount + coalesce(sum(a.delta), 0))::text as left
          from payments p left join allocations a on a.kind = 'payment' and a.entry_id = p.id and a.date <= ${asOf}::date
          where p.buyer_id = 'B1' and p.date <= ${asOf}::date
            and not exists (select 1 from reversals r where r.kind = 'payment' and r.target_id = p.id
                            and r.date <= ${asOf}::date)
          group by p.id, p.amount order by p.date, p.id`.execute(engine.db);
        return rows.filter((r) => BigInt(r.left) > 0n).map((r) => [r.id, BigInt(r.left)]);
      };
      const days = ['2024-02-29', '2024-03-01', '2024-03-02', '2024-03-03', '2024-03-31', '2024-04-01', '2024-04-30'];
      for (const d of [...days, '2024-05-01', '2025-01-01'].map((x) => date(x))) {
        const read = (await store.unappliedPayments('B1', d)).map((p) => [p.id, p.unapplied]);
        expect(read, d).toEqual(await computed(d));
      }
      expect((await store.unappliedPayments('B1', date('2024-04-30'))).map((p) => [p.id, p.unapplied])).toEqual([
        ['P1', 5_000n],
      ]);
      expect(await store.unappliedPayments('B1', date('2024-05-01'))).toEqual([]);
    });
  });
}
