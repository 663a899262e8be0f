import {
  addPromise,
  createPlan,
  decideLimitRequest,
  openDispute,
  requestLimit,
  resolveDispute,
  type Store,
} from '@credence/app';
import { date, type Result } from '@credence/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { EUR, invoice } from './fixtures';
import { type Harness, targets, useTarget } from './harness';

// "Check, then insert" rules under concurrent requests: many calls of one use case at once, through one store
// (a pool on PostgreSQL) and through two stores opened separately on the same database (two server processes).
const today = date('2026-06-30');
const N = 12;
const buyers = [
  { id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 },
  { id: 'B2', name: 'Beta', country: 'DE', currency: EUR, paymentTermsDays: 30 },
];

const outcome = (r: Result<unknown>): string => (r.ok ? 'ok' : `${r.error.code}:${String(r.error.params.reason)}`);

async function seed(store: Store): Promise<void> {
  await store.transact(async (tx) => {
    await tx.upsertBuyers(buyers);
    await tx.insertDocuments([
      ...Array.from({ length: N }, (_, i) => invoice(`I-${i + 1}`)),
      ...Array.from({ length: N }, (_, i) => invoice(`J-${i + 1}`, { buyerId: 'B2' })),
    ]);
  });
}

describe.each(targets())('concurrent check-then-insert rules ($name)', (target) => {
  const h = useTarget(target);
  const others: Store[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
  });

  /** The harness's store, and on PostgreSQL a second one opened on the same schema (another process). */
  async function stores(x: Harness): Promise<Store[]> {
    if (target.name !== 'postgres') return [x.store];
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(x.engine.db);
    const schema = rows[0]?.s as string;
    const other = await openStore({ databaseUrl: process.env.DATABASE_URL as string, schema });
    others.push(other);
    return [x.store, other];
  }

  it('a limit request is answered once, whoever answers at once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const request = { buyerId: 'B1', amount: 50_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };
    const asked = await requestLimit(h().store, request, today);
    if (!asked.ok) throw new Error(outcome(asked));
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        decideLimitRequest(
          all[i % all.length] as Store,
          { buyerId: 'B1', requestId: asked.value.id, approve: i % 3 !== 0, by: `approver${i}`, reason: 'ok' },
          today,
        ),
      ),
    );
    const outcomes = answers.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('not_allowed:already_answered'));
    const events = await h().store.limitEventsOf('B1');
    expect(events.filter((e) => e.requestId === asked.value.id)).toHaveLength(1);
  });

  it('the requester cannot approve even among concurrent approvers', async () => {
    await h().reset();
    await seed(h().store);
    const request = { buyerId: 'B2', amount: 9_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };
    const asked = await requestLimit(h().store, request, today);
    if (!asked.ok) throw new Error(outcome(asked));
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        decideLimitRequest(
          h().store,
          { buyerId: 'B2', requestId: asked.value.id, approve: true, by: 'sam', reason: 'mine' },
          today,
        ),
      ),
    );
    expect(answers.map(outcome)).toEqual(Array(N).fill('not_allowed:four_eyes'));
    expect((await h().store.limitEventsOf('B2')).map((e) => e.kind)).toEqual(['request']);
  });

  it('one open dispute per document, whoever opens it at once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const opened = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        openDispute(
          all[i % all.length] as Store,
          { documents: ['I-1'], reason: 'quality', owner: 'anna', notes: `try ${i}`, by: `c${i}` },
          today,
        ),
      ),
    );
    const outcomes = opened.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('not_allowed:already_disputed'));
    const events = (await h().store.collectionEvents('B1')).filter((e) => e.event.kind === 'dispute_opened');
    expect(events).toHaveLength(1);
  });

  it('disputes opened at once on different documents and buyers get distinct ids', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const opened = await Promise.all(
      Array.from({ length: 2 * N }, (_, i) =>
        openDispute(
          all[i % all.length] as Store,
          {
            documents: [i % 2 === 0 ? `I-${i / 2 + 1}` : `J-${(i - 1) / 2 + 1}`],
            reason: 'price',
            owner: 'anna',
            notes: '',
            by: 'c',
          },
          today,
        ),
      ),
    );
    const ids = opened.map((r) => (r.ok ? r.value.id : outcome(r)));
    expect(new Set(ids).size).toBe(2 * N);
    expect([...ids].sort()).toEqual(Array.from({ length: 2 * N }, (_, i) => `DSP-${String(i + 1).padStart(4, '0')}`));
  });

  it('the database refuses a second answer to a request (the index behind the lock)', async () => {
    await h().reset();
    await seed(h().store);
    const request = { buyerId: 'B1', amount: 1_000n, currency: EUR, validFrom: today, by: 'sam', reason: 'new' };
    const asked = await requestLimit(h().store, request, today);
    if (!asked.ok) throw new Error(outcome(asked));
    const answer = { ...request, kind: 'approval' as const, by: 'ann', requestId: asked.value.id, recordedOn: today };
    await h().store.transact((tx) => tx.appendLimitEvent(answer));
    await expect(h().store.transact((tx) => tx.appendLimitEvent({ ...answer, by: 'bob' }))).rejects.toThrow();
  });

  it('a dispute is resolved once, whoever resolves it at once', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const opened = await openDispute(
      h().store,
      { documents: ['I-1'], reason: 'quality', owner: 'anna', notes: '', by: 'c' },
      today,
    );
    if (!opened.ok) throw new Error(outcome(opened));
    const resolved = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        resolveDispute(
          all[i % all.length] as Store,
          { id: opened.value.id, outcome: 'rejected', notes: `r${i}`, by: `c${i}` },
          today,
        ),
      ),
    );
    const outcomes = resolved.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('not_allowed:already_resolved'));
  });

  it('one active plan per document, and promises at once get distinct ids', async () => {
    await h().reset();
    await seed(h().store);
    const all = await stores(h());
    const plans = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        createPlan(
          all[i % all.length] as Store,
          {
            buyerId: 'B1',
            documents: ['I-2'],
            spec: { kind: 'monthly', count: 2, first: date('2026-07-31') },
            graceDays: 3,
            notes: '',
            by: `c${i}`,
          },
          today,
        ),
      ),
    );
    const outcomes = plans.map(outcome);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(N - 1).fill('not_allowed:already_in_plan'));
    const promises = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        addPromise(
          all[i % all.length] as Store,
          {
            buyerId: i % 2 === 0 ? 'B1' : 'B2',
            amount: '10.00',
            date: date('2026-07-15'),
            documents: [i % 2 === 0 ? `I-${i / 2 + 3}` : `J-${(i - 1) / 2 + 1}`],
            graceDays: 3,
            notes: '',
            by: 'c',
          },
          today,
        ),
      ),
    );
    const ids = promises.map((r) => (r.ok ? r.value.id : outcome(r)));
    expect([...ids].sort()).toEqual(Array.from({ length: N }, (_, i) => `PRM-${String(i + 1).padStart(4, '0')}`));
  });
});
