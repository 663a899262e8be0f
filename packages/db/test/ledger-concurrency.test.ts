import { importPayments, lockLedger, recordPayment, reverseEntry, type Store, writeOffDocument } from '@credence/app';
import { date, type Result } from '@credence/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { EUR, invoice, payment, rowFile } from './fixtures';
import { type Harness, targets, useTarget } from './harness';

// Allocations are "read the open balance, then allocate": many requests at once on one buyer's ledger, through
// one store (a pool on PostgreSQL) and two stores opened separately, never settle more than is open.
const N = 12;
const day = date('2024-03-01');
const outcome = (r: Result<unknown>): string => (r.ok ? 'ok' : `${r.error.code}:${String(r.error.params.reason)}`);

async function seed(store: Store): Promise<void> {
  await store.transact(async (tx) => {
    await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
    await tx.insertDocuments([invoice('I-1'), invoice('I-2')]);
  });
}

/** What is still open on each invoice of B1 (10,000 each at the start). */
async function openOf(store: Store): Promise<Record<string, bigint>> {
  return store.transact(async (tx) =>
    Object.fromEntries((await tx.openInvoices(['B1'])).map((i) => [i.number, i.open])),
  );
}

describe.each(targets())('concurrent allocations on one ledger ($name)', (target) => {
  const h = useTarget(target);
  const others: Store[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
  });

  async function stores(x: Harness): Promise<Store[]> {
    if (target.name !== 'postgres') return [x.store];
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(x.engine.db);
    const other = await openStore({ databaseUrl: process.env.DATABASE_URL as string, schema: rows[0]?.s as string });
    others.push(other);
    return [x.store, other];
  }

  it('write-offs of one invoice at once write off its open balance once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        writeOffDocument(all[i % all.length] as Store, { id: `W-${i}`, documentNumber: 'I-1', date: day, reason: 'x' }),
      ),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('invalid_amount:not_within_open'));
    expect((await openOf(h().store))['I-1']).toBeUndefined();
  });

  it('payments at once settle no more than is open, and one payment sent twice is recorded once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const pay = (i: number) => ({ id: `P-${i}`, buyerId: 'B1', date: day, amount: 3_000n, currency: EUR });
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => recordPayment(all[i % all.length] as Store, pay(i % (N / 2)))),
    );
    expect(results.map(outcome)).toEqual(Array(N).fill('ok'));
    expect(results.filter((r) => r.ok && r.value.created)).toHaveLength(N / 2);
    // Six payments of 3,000 on 20,000 open: 18,000 allocated, oldest due first, nothing below zero.
    const open = await openOf(h().store);
    expect(Object.values(open).reduce((s, v) => s + v, 0n)).toBe(2_000n);
    expect(Object.values(open).every((v) => v > 0n)).toBe(true);
  });

  it('a payment reversed at once under different ids is reversed once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const paid = await recordPayment(h().store, { id: 'P-1', buyerId: 'B1', date: day, amount: 4_000n, currency: EUR });
    expect(paid.ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        reverseEntry(all[i % all.length] as Store, {
          id: `R-${i}`,
          kind: 'payment',
          targetId: 'P-1',
          date: day,
          reason: 'bounced',
        }),
      ),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('idempotency_conflict:already_reversed'));
    expect((await openOf(h().store))['I-1']).toBe(10_000n);
  });

  it('a bulk payment import waits for a payment holding a buyer ledger and allocates only what it left open', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const writer = all[all.length - 1] as Store;
    // A single payment's transaction, as recordPayment runs it: the buyer's ledger lock, the open balances
    // read, the payment and its allocation written; it stays open until the import has started.
    let locked = (): void => {};
    const holding = new Promise<void>((r) => {
      locked = r;
    });
    let release = (): void => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const single = writer.transact(async (tx) => {
      await lockLedger(tx, 'B1');
      expect((await tx.openInvoices(['B1'])).reduce((s, i) => s + i.open, 0n)).toBe(20_000n);
      await tx.insertPayments([payment('P-API', { date: day, amount: 15_000n })]);
      const paid = { kind: 'payment' as const, entryId: 'P-API', buyerId: 'B1', date: day, currency: EUR };
      await tx.insertAllocations([
        { ...paid, documentNumber: 'I-1', delta: -10_000n },
        { ...paid, documentNumber: 'I-2', delta: -5_000n },
      ]);
      locked();
      await gate;
    });
    await holding;
    const columns = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency'];
    const bulk = importPayments(
      h().store,
      rowFile('pay.csv', columns, [['P-FILE', 'B1', '2024-03-01', '150.00', 'EUR']]),
    );
    // On PostgreSQL the import must now wait for the single payment's commit (on PGlite its one connection
    // waits anyway); the gate opens when the import has finished or after half a second.
    await Promise.race([bulk, new Promise((r) => setTimeout(r, 500))]);
    release();
    await single;
    const imported = await bulk;
    expect(imported.ok).toBe(true);
    // 15,000 + 15,000 paid on 20,000 open: the import settles the 5,000 left, never more.
    const open = await openOf(h().store);
    expect(Object.values(open).reduce((s, v) => s + v, 0n)).toBe(0n);
    const settled = await h().store.transact((tx) => tx.allocationsOf('payment', 'P-FILE'));
    expect(settled.reduce((s, a) => s - a.delta, 0n)).toBe(5_000n);
  });
});
