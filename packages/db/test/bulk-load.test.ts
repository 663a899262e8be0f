import { importDocuments, importPayments } from '@credence/app';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFER_INDEXES_FROM } from '../src/repos/deferred-indexes';
import { EUR, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

const DOCS = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency', 'type', 'applies_to'];
const PAYS = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
/** Enough rows for a first load to build the indexes after it, in several streamed parts. */
const N = DEFER_INDEXES_FROM + 2_000;
const PART = DEFER_INDEXES_FROM;

const num = (i: number) => `INV-${String(i).padStart(6, '0')}`;
const buyer = (i: number) => `B${i % 7}`;

/** N invoices of 100.00, a credit note every 1000 rows naming the invoice 500 rows above it (an earlier part). */
function invoiceRows(changed?: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < N; i++) {
    const amount = i === changed ? '101' : '100';
    rows.push([num(i), buyer(i), '2024-01-10', '2024-02-09', amount, 'EUR', 'invoice', '']);
    if (i % 1000 === 999)
      rows.push([`CN-${i}`, buyer(i - 500), '2024-01-20', '2024-01-20', '30', 'EUR', 'credit_note', num(i - 500)]);
  }
  return rows;
}

/** One payment of 100.00 per invoice (the first N - 1000), some naming their invoice. */
function paymentRows(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < N - 1000; i++)
    rows.push([`P-${String(i).padStart(6, '0')}`, buyer(i), '2024-03-01', '100', 'EUR', i % 3 === 0 ? num(i) : '']);
  return rows;
}

for (const target of targets()) {
  describe(`a first bulk load on ${target.name}`, () => {
    const h = useTarget(target);

    async function indexes(): Promise<string[]> {
      const { rows } = await sql<{ d: string }>`
        select i.indexrelid::regclass::text || ' ' || pg_get_indexdef(i.indexrelid) || ' ' ||
               coalesce((select conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c
                          where c.conindid = i.indexrelid and c.conrelid = i.indrelid), '') as d
        from pg_index i
        where i.indrelid in ('documents'::regclass, 'payments'::regclass, 'allocations'::regclass)
        order by 1`.execute(h().engine.db);
      return rows.map((r) => r.d);
    }

    /** The indexes' object ids per table: a rebuilt index has a new one. */
    async function oids(table: string): Promise<string> {
      const { rows } = await sql<{ o: string }>`
        select string_agg(indexrelid::text, ',' order by indexrelid::regclass::text) as o
        from pg_index where indrelid = ${table}::regclass`.execute(h().engine.db);
      return rows[0]?.o ?? '';
    }

    it('builds the indexes after the load, streams parts, and stays idempotent and all-or-nothing', async () => {
      const { store, reset } = h();
      await reset();
      await store.transact((tx) =>
        tx.upsertBuyers(
          Array.from({ length: 7 }, (_, i) => ({
            id: `B${i}`,
            name: `Buyer ${i}`,
            country: 'DE',
            currency: EUR,
            paymentTermsDays: 30,
          })),
        ),
      );
      const before = await indexes();
      expect(before.length).toBeGreaterThanOrEqual(7);
      const [documents, payments, allocations] = [
        await oids('documents'),
        await oids('payments'),
        await oids('allocations'),
      ];

      // A bad row at the end of a file whose first part was already written: nothing stays, indexes intact.
      const bad = invoiceRows();
      bad.push(['INV-X', 'NOBODY', '2024-01-10', '2024-02-09', '100', 'EUR', 'invoice', '']);
      const rejected = await importDocuments(store, rowFile('bad.csv', DOCS, bad), undefined, { chunkSize: PART });
      expect(rejected).toMatchObject({ ok: false, error: { errorCount: 1 } });
      expect(await store.counts()).toMatchObject({ documents: 0, allocations: 0 });
      expect(await indexes()).toEqual(before);

      const first = await importDocuments(store, rowFile('inv.csv', DOCS, invoiceRows()), undefined, {
        chunkSize: PART,
      });
      const notes = Math.floor(N / 1000);
      expect(first).toMatchObject({ ok: true, value: { created: N + notes, allocations: 2 * notes } });
      expect(await indexes()).toEqual(before);
      expect(await oids('documents')).not.toBe(documents);
      expect(await oids('allocations')).toBe(allocations);
      // The notes named invoices of earlier parts: each is 70.00 open now.
      const open = await store.openInvoices(['B0', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
      expect(open.filter((o) => o.open === 7_000n).map((o) => o.number)).toHaveLength(notes);

      // The same file again: nothing new; one row changed: a conflict naming its row, nothing written.
      const again = await importDocuments(store, rowFile('inv.csv', DOCS, invoiceRows()), undefined, {
        chunkSize: PART,
      });
      expect(again).toMatchObject({ ok: true, value: { created: 0, unchanged: N + notes, allocations: 0 } });
      const changed = await importDocuments(store, rowFile('inv.csv', DOCS, invoiceRows(11_000)), undefined, {
        chunkSize: PART,
      });
      expect(changed).toMatchObject({
        ok: false,
        error: { errorCount: 1, errors: [{ row: 11_000 + 11 + 2, code: 'document_conflict' }] },
      });

      const pay = await importPayments(store, rowFile('pay.csv', PAYS, paymentRows()));
      expect(pay).toMatchObject({ ok: true, value: { created: N - 1000 } });
      expect(await indexes()).toEqual(before);
      expect(await oids('payments')).not.toBe(payments);
      expect(await oids('allocations')).not.toBe(allocations);
      expect(await store.counts()).toMatchObject({ documents: N + notes, payments: N - 1000 });
      expect(await importPayments(store, rowFile('pay.csv', PAYS, paymentRows()))).toMatchObject({
        ok: true,
        value: { created: 0, unchanged: N - 1000 },
      });
    }, 240_000);
  });
}
