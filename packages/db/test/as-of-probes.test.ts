import type { Stored } from '@credence/app';
import { type Allocation, type BusinessDate, date, type LedgerDocument, type Payment } from '@credence/core';
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { kpiInputs } from '../src/reads/kpis';
import type { Database } from '../src/schema';
import { EUR, invoice, payment } from './fixtures';
import { targets, useTarget } from './harness';

// The as-of reads probe `allocations` once per document whose balance they need and that rows may have moved by
// then; a document that is zero on every date the read needs is not probed. Counted from the plans the database ran
// (EXPLAIN ANALYZE of the statements the read sent: the loops of every scan of `allocations`), which do not depend
// on the machine's load.

/** The scans of `allocations` the statements `read` sends ran, summed over its statements. */
async function probes(db: Kysely<Database>, read: (db: Kysely<Database>) => Promise<unknown>): Promise<number> {
  const seen: CompiledQuery[] = [];
  const spy: KyselyPlugin = { transformQuery: (a) => a.node, transformResult: async (a) => a.result };
  const spied = db.withPlugin(spy);
  const executor = spied.getExecutor() as unknown as {
    executeQuery: (q: CompiledQuery, id: unknown) => Promise<unknown>;
  };
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (q, id) => {
    seen.push(q);
    return original(q, id);
  };
  await read(spied);
  let loops = 0;
  for (const q of seen) {
    const explain = CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]);
    const { rows } = await db.executeQuery<Record<string, unknown>>(explain);
    const raw = Object.values(rows[0] ?? {})[0];
    const plan: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n['Relation Name'] === 'allocations') loops += Number(n['Actual Loops'] ?? 0);
      for (const v of Object.values(n)) if (typeof v === 'object') walk(v);
    };
    walk(plan);
  }
  return loops;
}

const FROM = date('2024-04-01');
const AS_OF = date('2024-06-30');

/** A payment of a whole invoice (or of `amount` of it) on `on`, with its allocation row. */
function paid(doc: Stored<LedgerDocument>, on: BusinessDate, amount = doc.amount): [Stored<Payment>, Allocation] {
  const p = payment(`P-${doc.number}`, { date: on, amount });
  const row = { kind: 'payment' as const, entryId: p.id, documentNumber: doc.number, date: on, delta: -amount };
  return [p, { ...row, buyerId: doc.buyerId, currency: doc.currency }];
}

describe.each(targets())('as-of reads probe only the balances they need on $name', (target) => {
  const h = useTarget(target);

  it('KPI inputs: not the documents issued and closed inside the period, nor those unmoved by the dates', async () => {
    const { store, engine, reset } = h();
    await reset();
    // Ten invoices issued and paid in full inside the period: zero on both dates.
    const inside = Array.from({ length: 10 }, (_, i) =>
      invoice(`IN-${i}`, { issueDate: date('2024-04-10'), dueDate: date('2024-05-10') }),
    );
    // Owed before the period, partly paid before it, still owed: the one balance rows have moved on both dates.
    const old = invoice('OLD', { issueDate: date('2024-02-01'), dueDate: date('2024-03-01') });
    // Owed before the period and paid in full inside it: its beginning balance is its face value.
    const late = invoice('LATE', { issueDate: date('2024-03-01'), dueDate: date('2024-03-31'), amount: 7_000n });
    // Issued inside the period, unpaid.
    const unpaid = invoice('UNPAID', { issueDate: date('2024-05-01'), dueDate: date('2024-07-01'), amount: 3_000n });
    const pays = [
      ...inside.map((d) => paid(d, date('2024-05-20'))),
      paid(old, date('2024-03-15'), 4_000n),
      paid(late, date('2024-05-15')),
    ];
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([...inside, old, late, unpaid]);
      await tx.insertPayments(pays.map(([p]) => p));
      await tx.insertAllocations(pays.map(([, a]) => a));
    });

    const [kpis] = await kpiInputs(engine.db, FROM, AS_OF);
    expect([kpis?.totalAr, kpis?.currentAr, kpis?.beginningAr, kpis?.creditSales]).toEqual([
      6_000n + 3_000n,
      3_000n,
      6_000n + 7_000n,
      10n * 10_000n + 3_000n,
    ]);
    expect(await probes(engine.db, (db) => kpiInputs(db, FROM, AS_OF))).toBe(1);
  });
});
