import { randomBytes } from 'node:crypto';
import { type CurrencyCode, date, kpiInputsFromItems, type LedgerDocument } from '@credence/core';
import { type Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../src/engine/pglite';
import { openPostgres } from '../src/engine/postgres';
import { migrations } from '../src/migrations';
import { storeOn } from '../src/store';
import { targets } from './harness';

// Migration 020 on a store that already holds documents and payments: `sales_daily` is filled from them, then
// kept by the trigger for documents added later (back-dated ones too) and emptied with them; the index of
// payments that may leave cash after their date gives the same unapplied cash.
const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;
const doc = (number: string, issue: string, amount: bigint, currency = EUR, type: LedgerDocument['type'] = 'invoice') =>
  ({ number, buyerId: 'B1', type, issueDate: date(issue), dueDate: date(issue), amount, currency }) as LedgerDocument;

const insert = (d: LedgerDocument) =>
  sql`insert into documents (number, buyer_id, type, issue_date, due_date, amount, currency, idempotency_key, content_hash)
      values (${d.number}, ${d.buyerId}, ${d.type}, ${d.issueDate}::date, ${d.dueDate}::date, ${d.amount}, ${d.currency},
              ${`doc:${d.number}`}, 'h')`;
const pay = (id: string, day: string, amount: bigint, appliedOn: string | null) =>
  sql`insert into payments (id, buyer_id, date, amount, currency, idempotency_key, content_hash, applied_on)
      values (${id}, 'B1', ${day}::date, ${amount}, 'EUR', ${`pay:${id}`}, 'h', ${appliedOn}::date)`;

describe.each(targets())('report read models (migration 020) on $name', (target) => {
  it('fills the daily sales from stored documents, keeps them for new and back-dated ones, empties them with them', async () => {
    const schema = `m_${randomBytes(6).toString('hex')}`;
    const url = process.env.DATABASE_URL;
    const engine =
      target.name === 'postgres' ? await openPostgres(url as string, schema) : await openPglite(undefined, { schema });
    try {
      const db = engine.db as unknown as Kysely<unknown>;
      const migrator = new Migrator({ db, provider: migrations, migrationTableSchema: schema });
      expect((await migrator.migrateTo('015_bulk_settlement')).error).toBeUndefined();
      const before = [
        doc('I1', '2025-04-02', 1000n),
        doc('I2', '2025-04-02', 250n),
        doc('C1', '2025-05-10', 100n, EUR, 'credit_note'),
        doc('U1', '2025-06-01', 700n, USD),
      ];
      for (const d of before) await insert(d).execute(db);
      await pay('P1', '2025-05-01', 500n, null).execute(db); // never applied
      await pay('P2', '2025-05-02', 300n, '2025-05-02').execute(db); // applied on its date
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const store = storeOn(engine);
      const check = async (docs: LedgerDocument[]) => {
        const [from, asOf] = [date('2025-04-01'), date('2025-06-30')];
        const want = [EUR, USD]
          .filter((c) => docs.some((d) => d.currency === c))
          .map((c) => kpiInputsFromItems(docs, [], c, from, asOf));
        expect(await store.kpiInputs(from, asOf)).toEqual(want);
      };
      await check(before);
      expect(await store.unappliedCash(date('2025-06-30'))).toEqual([{ buyerId: 'B1', currency: EUR, amount: 500n }]);
      // After the upgrade: one more on a day already summed, one back-dated to a day of its own.
      const later = [doc('I3', '2025-04-02', 5n), doc('I0', '2025-03-15', 40n)];
      for (const d of later) await insert(d).execute(db);
      await check([...before, ...later]);
      await sql`truncate documents cascade`.execute(db); // cascade: delivery confirmations refer to documents (083)
      expect((await sql`select count(*)::int as n from sales_daily`.execute(db)).rows).toEqual([{ n: 0 }]);
      expect(await store.kpiInputs(date('2025-04-01'), date('2025-06-30'))).toEqual([]);
    } finally {
      if (target.name === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
      await engine.close();
    }
  });
});
