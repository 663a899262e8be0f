import { importBankStatement, importDocuments, matchBankLines, recordPayment } from '@credence/app';
import { type BankStatementLine, date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, rowFile as file } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 16: the matching step takes the ledger lock of each buyer it may apply to, and reads their open items
// again under it, so a payment recorded at the same moment (API, import) and a bank line never settle one invoice
// twice. On PostgreSQL the transactions really run at once; on PGlite (one connection) one after the other.
const N = 24;
const ids = Array.from({ length: N }, (_, k) => String(k + 1).padStart(2, '0'));

for (const target of targets()) {
  describe(`cash matching and payments at once on ${target.name}`, () => {
    const h = useTarget(target);

    it('every invoice is settled once: by its bank line or by the payment, never by both', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'cora', now: () => new Date('2024-07-01T09:00:00Z') });
      await store.transact((tx) =>
        tx.upsertBuyers(
          ids.map((k) => ({
            id: `B${k}`,
            name: `Kunde ${k} Handels GmbH`,
            country: 'DE',
            currency: EUR,
            paymentTermsDays: 30,
          })),
        ),
      );
      const docs = await importDocuments(
        store,
        file(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          ids.map((k) => [`INV-9${k}00`, `B${k}`, 'invoice', '2024-05-01', '2024-05-31', '100.00', 'EUR']),
        ),
      );
      expect(docs.ok).toBe(true);
      const line = (k: string, entry: number): BankStatementLine => ({
        entry,
        amount: 10_000n,
        currency: EUR,
        creditDebit: 'credit',
        bookingDate: date('2024-07-01'),
        valueDate: date('2024-07-01'),
        remittance: `Rechnung INV-9${k}00`,
        payerName: `Kunde ${k} Handels GmbH`,
        reversal: false,
      });
      const imported = await importBankStatement(store, [
        {
          format: 'camt.054',
          account: 'DE02120300000000202051',
          currency: EUR,
          statementId: 'C-1',
          lines: ids.map((k, i) => line(k, i + 1)),
        },
      ]);
      expect(imported.ok).toBe(true);
      // The matching step and a payment for every invoice, all at once.
      const [matched, ...paid] = await Promise.all([
        matchBankLines(store, { by: 'cora' }),
        ...ids.map((k) =>
          recordPayment(store, {
            id: `API-${k}`,
            buyerId: `B${k}`,
            date: date('2024-07-01'),
            amount: 10_000n,
            currency: EUR,
            documentNumber: `INV-9${k}00`,
          }),
        ),
      ]);
      expect(matched?.ok).toBe(true);
      expect(paid.every((p) => p.ok)).toBe(true);
      const { rows } = await sql<{ number: string; settled: string }>`
        select d.number, -coalesce(sum(a.delta), 0) as settled from documents d
        left join allocations a on a.document_number = d.number group by d.number order by d.number`.execute(engine.db);
      expect(rows).toHaveLength(N);
      // Each invoice settled exactly once: 100.00 allocated, whoever came first.
      expect(rows.filter((r) => BigInt(r.settled) !== 10_000n)).toEqual([]);
      // A line that came second waits for review (its invoice is no longer open); one that came first is applied.
      const lines = await store.cashLines({});
      expect(lines).toHaveLength(N);
      const applied = lines.filter((l) => l.state === 'applied').length;
      const apiFirst = paid.filter((p) => p.ok && p.value.allocations.length > 0).length;
      expect(applied + apiFirst).toBe(N);
    });
  });
}
