import { randomBytes } from 'node:crypto';
import {
  type Attribution,
  reallocateCash,
  recordPayment,
  reverseEntry,
  type Store,
  writeOffDocument,
} from '@credence/app';
import { type Allocation, type BusinessDate, date } from '@credence/core';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/engine/pglite';
import { openPostgres } from '../src/engine/postgres';
import type { Engine } from '../src/engine/types';
import { openEngine } from '../src/index';
import { migrations } from '../src/migrations';
import { insertAllocations } from '../src/repos/allocations';
import { refreshClosedOn } from '../src/repos/closings';
import type { Database } from '../src/schema';
import { EUR, invoice } from './fixtures';
import { targets, useTarget } from './harness';

// Migration 026: every document is in exactly one of `open_documents` (no closing) and `document_closings` (closed
// for good from `closed_on`), with the document's own columns, kept so by every writer; the as-of reads skip the
// closed ones. Checked against the ledger itself (documents + allocation rows) after each kind of write, as of
// dates before, on and after each closing, and with two writers at once. A closing's `first_moved_on` (migration 060)
// and an open document's (061, null when it has none) are its earliest allocation row's date, which the as-of reads
// trust to skip the document's probe.

const BY: Attribution = { recordedBy: 'test', recordedAt: new Date('2026-01-01T00:00:00Z') };
const DATES = ['2024-01-14', '2024-01-15', '2024-02-09', '2024-02-10', '2024-03-01', '2024-03-05', '2024-03-10']
  .concat(['2024-03-19', '2024-03-20', '2024-03-24', '2024-03-25', '2024-12-31'])
  .map(date);

/** Where each document is: its closing date, or null when open. Fails when one is in neither table or both. */
async function states(db: Kysely<Database>): Promise<Map<string, string | null>> {
  const { rows } = await sql<{
    number: string;
    open: number;
    closed: number;
    same: boolean;
    first: boolean;
    closed_on: string | null;
  }>`
    select d.number, (o.number is not null)::int as open, (c.number is not null)::int as closed, c.closed_on,
           coalesce(c.first_moved_on, o.first_moved_on) is not distinct from
             (select min(a.date) from allocations a where a.document_number = d.number) as first,
           coalesce((o.buyer_id, o.type, o.issue_date, o.due_date, o.currency, o.amount)
                      = (d.buyer_id, d.type, d.issue_date, d.due_date, d.currency, d.amount),
                    (c.buyer_id, c.type, c.issue_date, c.due_date, c.currency, c.amount)
                      = (d.buyer_id, d.type, d.issue_date, d.due_date, d.currency, d.amount)) as same
    from documents d
    left join open_documents o on o.number = d.number
    left join document_closings c on c.number = d.number
    order by d.number`.execute(db);
  const stray = await sql<{ n: number | string }>`
    select (select count(*) from open_documents o where not exists (select 1 from documents d where d.number = o.number))
         + (select count(*) from document_closings c where not exists (select 1 from documents d where d.number = c.number))
      as n`.execute(db);
  expect(Number(stray.rows[0]?.n)).toBe(0);
  for (const r of rows) {
    expect(r.open + r.closed, `${r.number} in exactly one table`).toBe(1);
    expect(r.same, `${r.number}: the document's columns`).toBe(true);
    expect(r.first, `${r.number}: first_moved_on, its earliest allocation row (migrations 060, 061)`).toBe(true);
  }
  return new Map(rows.map((r) => [r.number, r.closed_on]));
}

/** The same from the ledger alone: closed from its last allocation (or issue) when its rows net it to zero. */
async function expectedStates(db: Kysely<Database>): Promise<Map<string, string | null>> {
  const { rows } = await sql<{ number: string; closed_on: string | null }>`
    select d.number,
           case when count(a.delta) > 0
                 and (case when d.type = 'credit_note' then -d.amount else d.amount end) + sum(a.delta) = 0
                then greatest(d.issue_date, max(a.date)) end as closed_on
    from documents d left join allocations a on a.document_number = d.number
    group by d.number order by d.number`.execute(db);
  return new Map(rows.map((r) => [r.number, r.closed_on]));
}

/** A buyer's open items as of a date from the ledger alone, as `buyerOpenItems` returns them. */
async function ledgerOpenItems(db: Kysely<Database>, buyerId: string, asOf: BusinessDate) {
  const { rows } = await sql<{ number: string; open: string }>`
    select d.number, ((case when d.type = 'credit_note' then -d.amount else d.amount end)
                       + coalesce((select sum(a.delta) from allocations a
                                   where a.document_number = d.number and a.date <= ${asOf}::date), 0))::text as open
    from documents d where d.buyer_id = ${buyerId} and d.issue_date <= ${asOf}::date
    order by d.due_date, d.issue_date, d.number`.execute(db);
  return rows.filter((r) => r.open !== '0').map((r) => ({ number: r.number, open: BigInt(r.open) }));
}

async function expectConsistent(store: Store, db: Kysely<Database>): Promise<Map<string, string | null>> {
  const got = await states(db);
  expect(got).toEqual(await expectedStates(db));
  for (const d of DATES) {
    const items = (await store.buyerOpenItems('B1', d)).map((i) => ({ number: i.number, open: i.open }));
    expect(items, `open items as of ${d}`).toEqual(await ledgerOpenItems(db, 'B1', d));
    const cells = await store.agingCells(d, [30, 60], false);
    const total = cells.reduce((s, c) => s + c.amount, 0n);
    expect(total, `aging total as of ${d}`).toBe(items.reduce((s, i) => s + i.open, 0n));
  }
  return got;
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe.each(targets())('open and closed documents on $name', (target) => {
  const h = useTarget(target);

  it('moves a document as payments, reversals, reallocations and write-offs close and reopen it', async () => {
    const { store, engine, reset } = h();
    await reset();
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([
        invoice('I-1'),
        invoice('I-2', { dueDate: date('2024-02-20') }),
        invoice('I-3', { dueDate: date('2024-02-25') }),
      ]);
    });
    let s = await expectConsistent(store, engine.db);
    expect([...s.values()]).toEqual([null, null, null]);

    const pay = (id: string, d: string, amount: bigint) =>
      recordPayment(store, { id, buyerId: 'B1', date: date(d), amount, currency: EUR });
    ok(await pay('P-1', '2024-02-10', 10_000n));
    s = await expectConsistent(store, engine.db);
    expect(s.get('I-1')).toBe('2024-02-10');
    // Closed on 2024-02-10: still owed as of the day before.
    expect((await store.buyerOpenItems('B1', date('2024-02-09'))).map((i) => i.number)).toContain('I-1');

    ok(
      await reverseEntry(store, {
        id: 'R-1',
        kind: 'payment',
        targetId: 'P-1',
        date: date('2024-03-01'),
        reason: 'bounced',
      }),
    );
    s = await expectConsistent(store, engine.db);
    expect(s.get('I-1')).toBeNull();

    ok(await pay('P-2', '2024-03-05', 15_000n));
    s = await expectConsistent(store, engine.db);
    expect([s.get('I-1'), s.get('I-2')]).toEqual(['2024-03-05', null]);

    ok(
      await reallocateCash(store, {
        id: 'CA-1',
        paymentId: 'P-2',
        from: 'I-1',
        to: 'I-2',
        amount: 5_000n,
        date: date('2024-03-10'),
        by: 'test',
      }),
    );
    s = await expectConsistent(store, engine.db);
    expect([s.get('I-1'), s.get('I-2')]).toEqual([null, '2024-03-10']);

    ok(await writeOffDocument(store, { id: 'W-1', documentNumber: 'I-1', date: date('2024-03-20'), reason: 'small' }));
    s = await expectConsistent(store, engine.db);
    expect(s.get('I-1')).toBe('2024-03-20');
    ok(
      await reverseEntry(store, {
        id: 'R-2',
        kind: 'write_off',
        targetId: 'W-1',
        date: date('2024-03-25'),
        reason: 'no',
      }),
    );
    s = await expectConsistent(store, engine.db);
    expect([s.get('I-1'), s.get('I-2'), s.get('I-3')]).toEqual([null, '2024-03-10', null]);
  });

  it('moves the closing date when a later row nets the document to zero again', async () => {
    const { store, engine, reset } = h();
    await reset();
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([invoice('I-1')]);
    });
    const row = (delta: bigint, d: string, entry: string): Allocation => ({
      kind: 'payment',
      entryId: entry,
      documentNumber: 'I-1',
      buyerId: 'B1',
      date: date(d),
      delta,
      currency: EUR,
    });
    await store.transact((tx) => tx.insertAllocations([row(-10_000n, '2024-02-10', 'X-1')]));
    expect((await expectConsistent(store, engine.db)).get('I-1')).toBe('2024-02-10');
    // +3,000 and −3,000 in one later transaction: closed again, from the later date.
    await store.transact((tx) =>
      tx.insertAllocations([row(3_000n, '2024-03-05', 'X-2'), row(-3_000n, '2024-03-10', 'X-3')]),
    );
    expect((await expectConsistent(store, engine.db)).get('I-1')).toBe('2024-03-10');
  });

  it('refuses a bulk closing of a document that is not open', async () => {
    const { store, engine, reset } = h();
    await reset();
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([invoice('I-1')]);
    });
    const settle = () =>
      store.transact((tx) =>
        tx.insertSettlements({
          payments: [],
          allocations: [],
          closed: [{ number: 'I-1', closedOn: date('2024-02-10') }],
          touched: [],
          applied: [],
        }),
      );
    await settle();
    expect((await states(engine.db)).get('I-1')).toBe('2024-02-10');
    await expect(settle()).rejects.toThrow(/not open/);
    expect((await states(engine.db)).get('I-1')).toBe('2024-02-10');
  });
});

describe.each(targets())('two writers at once on $name', (target) => {
  const h = useTarget(target);
  const opened: Engine[] = [];
  afterAll(async () => {
    for (const e of opened) await e.close();
  });

  it('a reversal committed while a closing commits leaves the document open', async () => {
    const { store, engine, reset } = h();
    await reset();
    await store.transact(async (tx) => {
      await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
      await tx.insertDocuments([invoice('I-1')]);
    });
    let second = engine;
    if (target.name === 'postgres') {
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(engine.db);
      second = await openEngine({ databaseUrl: process.env.DATABASE_URL as string, schema: rows[0]?.s as string });
      opened.push(second);
    }
    const row = (delta: bigint, entry: string): Allocation => ({
      kind: 'payment',
      entryId: entry,
      documentNumber: 'I-1',
      buyerId: 'B1',
      date: date('2024-02-10'),
      delta,
      currency: EUR,
    });
    // The first writer closes I-1 and holds its transaction open; the second, meanwhile, adds a row that reopens
    // it and refreshes. On PostgreSQL the second's refresh waits for the first's commit and then sees its row;
    // without that, each would compute from its own row and I-1 would stay closed while 10,000 is owed.
    let closed!: () => void;
    const firstRefreshed = new Promise<void>((r) => {
      closed = r;
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = engine.transact(async (conn) => {
      await insertAllocations(conn, [row(-10_000n, 'P-1')], BY);
      await refreshClosedOn(conn, ['I-1']);
      closed();
      await gate;
    });
    await firstRefreshed;
    const secondDone = second.transact(async (conn) => {
      await insertAllocations(conn, [row(10_000n, 'P-1')], BY);
      await refreshClosedOn(conn, ['I-1']);
    });
    setTimeout(release, 300);
    await Promise.all([first, secondDone]);
    const s = await states(engine.db);
    expect(s.get('I-1')).toBeNull();
    expect(s).toEqual(await expectedStates(engine.db));
    expect((await store.buyerOpenItems('B1', date('2024-03-01'))).map((i) => i.open)).toEqual([10_000n]);
  });
});

describe.each(targets())('migration 026 on $name', (target) => {
  it('splits the documents of a migration-025 database by their closings', async () => {
    const schema = `u_${randomBytes(6).toString('hex')}`;
    const url = process.env.DATABASE_URL;
    if (target.name === 'postgres' && !url) throw new Error('DATABASE_URL is not set');
    const engine =
      target.name === 'postgres' ? await openPostgres(url as string, schema) : await openPglite(undefined, { schema });
    try {
      const db = engine.db as unknown as Kysely<unknown>;
      const migrator = () => new Migrator({ db, provider: migrations, migrationTableSchema: schema });
      expect((await migrator().migrateTo('025_document_closings')).error).toBeUndefined();
      for (const [n, type, amount] of [
        ['I-1', 'invoice', 100],
        ['I-2', 'invoice', 200],
        ['C-1', 'credit_note', 50],
      ] as const)
        await sql`insert into documents (number, buyer_id, type, issue_date, due_date, amount, currency, idempotency_key, content_hash)
                  values (${n}, 'B1', ${type}, '2024-01-15', '2024-02-14', ${amount}, 'EUR', ${`doc:${n}`}, ${`h:${n}`})`.execute(
          db,
        );
      await sql`insert into allocations (kind, entry_id, document_number, buyer_id, date, delta, currency)
                values ('payment', 'P-1', 'I-1', 'B1', '2024-02-01', -100, 'EUR')`.execute(db);
      await sql`insert into document_closings (number, closed_on) values ('I-1', '2024-02-01')`.execute(db);
      expect((await migrator().migrateToLatest()).error).toBeUndefined();
      const typed = engine.db;
      expect(Object.fromEntries(await states(typed))).toEqual({ 'C-1': null, 'I-1': '2024-02-01', 'I-2': null });
      // A document written after the migration goes to the open ones (the trigger), with its columns.
      await sql`insert into documents (number, buyer_id, type, issue_date, due_date, amount, currency, idempotency_key, content_hash)
                values ('I-3', 'B2', 'invoice', '2024-03-01', '2024-03-31', 300, 'USD', 'doc:I-3', 'h:I-3')`.execute(
        db,
      );
      expect((await states(typed)).get('I-3')).toBeNull();
    } finally {
      if (target.name === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(engine.db);
      await engine.close();
    }
  }, 180_000);
});
