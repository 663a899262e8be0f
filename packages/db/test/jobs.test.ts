import { enqueueJob, type JobHandler, jobState, runNextJob, type Store } from '@credence/app';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { type Harness, targets, useTarget } from './harness';

// The job queue (migration 023, docs/scaling.md) on PGlite and PostgreSQL: enqueue idempotent by key, one claim
// per job among workers polling at once (SKIP LOCKED), a dead worker's job taken over after its lease, retries
// with backoff, failed after the last attempt.
const T0 = new Date('2026-06-30T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const clockAt = (seconds: number) => ({ now: () => at(seconds) });
const noop: JobHandler = async () => {};

describe.each(targets())('the job queue ($name)', (target) => {
  const h = useTarget(target);
  const others: Store[] = [];
  afterAll(async () => {
    for (const s of others) await s.close();
  });

  /** The harness's store, and on PostgreSQL a second one on the same schema (another process's pool). */
  async function stores(x: Harness): Promise<Store[]> {
    if (target.name !== 'postgres') return [x.store];
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(x.engine.db);
    const other = await openStore({ databaseUrl: process.env.DATABASE_URL as string, schema: rows[0]?.s as string });
    others.push(other);
    return [x.store, other];
  }

  it('enqueues once per dedup key, also when asked at once', async () => {
    await h().reset();
    const all = await stores(h());
    const asks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        enqueueJob(all[i % all.length] as Store, { kind: 'k', payload: { n: 1 }, dedupKey: 'run:1', runAt: T0 }),
      ),
    );
    expect(new Set(asks.map((a) => a.job.id)).size).toBe(1);
    expect(asks.filter((a) => a.created)).toHaveLength(1);
    const job = await h().store.findJob(asks[0]?.job.id as string);
    expect(job).toMatchObject({ kind: 'k', payload: { n: 1 }, attempts: 0, maxAttempts: 5, dedupKey: 'run:1' });
    expect(jobState(job as NonNullable<typeof job>, T0)).toBe('queued');
    const audit = await h().store.auditEntries({});
    expect(audit.filter((a) => a.action === 'job_enqueue')).toHaveLength(1);
  });

  it('gives each job to one worker of many polling at once', async () => {
    await h().reset();
    const all = await stores(h());
    for (let i = 0; i < 10; i++) await enqueueJob(h().store, { kind: 'k', payload: { i }, runAt: T0 });
    const ran: unknown[] = [];
    const handlers = { k: (async (p) => void ran.push(p)) as JobHandler };
    const worker = async (name: string, store: Store) => {
      let n = 0;
      while (await runNextJob(store, { handlers, worker: name, clock: clockAt(1) })) n += 1;
      return n;
    };
    const counts = await Promise.all(
      Array.from({ length: 4 }, (_, i) => worker(`w${i}`, all[i % all.length] as Store)),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(ran).toHaveLength(10);
    expect(new Set(ran.map((p) => JSON.stringify(p))).size).toBe(10);
  });

  it('takes a dead worker’s job over after its lease, and the dead worker cannot settle it', async () => {
    await h().reset();
    const { job } = await enqueueJob(h().store, { kind: 'k', payload: {}, runAt: T0 });
    const claimed = await h().store.transact((tx) =>
      tx.claimJob({ kinds: ['k'], worker: 'dead', now: at(0), leaseUntil: at(60) }),
    );
    expect(claimed).toMatchObject({ id: job.id, attempts: 1, lockedBy: 'dead' });
    expect(jobState(claimed as NonNullable<typeof claimed>, at(30))).toBe('running');
    expect(await runNextJob(h().store, { handlers: { k: noop }, worker: 'w', clock: clockAt(59) })).toBeUndefined();
    const run = await runNextJob(h().store, { handlers: { k: noop }, worker: 'w', clock: clockAt(60) });
    expect(run).toMatchObject({ job: { id: job.id, attempts: 2 }, outcome: { kind: 'done' }, settled: true });
    expect(await h().store.transact((tx) => tx.settleJob(job.id, 'dead', { kind: 'done', at: at(61) }))).toBe(false);
    expect(await h().store.findJob(job.id)).toMatchObject({ attempts: 2, doneAt: at(60) });
  });

  it('retries a failing job with backoff and fails it after the last attempt', async () => {
    await h().reset();
    const { job } = await enqueueJob(h().store, { kind: 'k', payload: {}, runAt: T0, maxAttempts: 3 });
    const boom: JobHandler = async () => {
      throw new Error('smtp down');
    };
    const o = (s: number) => ({ handlers: { k: boom }, worker: 'w', clock: clockAt(s) });
    expect((await runNextJob(h().store, o(0)))?.outcome).toEqual({ kind: 'retry', error: 'smtp down', runAt: at(10) });
    expect(await runNextJob(h().store, o(9))).toBeUndefined();
    expect((await runNextJob(h().store, o(10)))?.outcome).toEqual({ kind: 'retry', error: 'smtp down', runAt: at(30) });
    expect((await runNextJob(h().store, o(30)))?.outcome).toEqual({ kind: 'failed', error: 'smtp down', at: at(30) });
    const failed = await h().store.findJob(job.id);
    expect(failed).toMatchObject({ attempts: 3, lastError: 'smtp down', failedAt: at(30) });
    expect(jobState(failed as NonNullable<typeof failed>, at(31))).toBe('failed');
    expect(await runNextJob(h().store, o(3600))).toBeUndefined();
  });

  it('fails a job whose worker died on the last attempt, without running it again', async () => {
    await h().reset();
    const { job } = await enqueueJob(h().store, { kind: 'k', payload: {}, runAt: T0, maxAttempts: 1 });
    await h().store.transact((tx) => tx.claimJob({ kinds: ['k'], worker: 'dead', now: at(0), leaseUntil: at(60) }));
    let ran = 0;
    const count: JobHandler = async () => {
      ran += 1;
    };
    const run = await runNextJob(h().store, { handlers: { k: count }, worker: 'w', clock: clockAt(61) });
    expect(run?.outcome.kind).toBe('failed');
    expect(ran).toBe(0);
    expect(await h().store.findJob(job.id)).toMatchObject({ attempts: 2, failedAt: at(61) });
  });

  it('queues a finished job again when its key is enqueued again', async () => {
    await h().reset();
    const first = await enqueueJob(h().store, { kind: 'k', payload: { v: 1 }, dedupKey: 'd', runAt: T0 });
    await runNextJob(h().store, { handlers: { k: noop }, worker: 'w', clock: clockAt(1) });
    const again = await enqueueJob(h().store, { kind: 'k', payload: { v: 2 }, dedupKey: 'd', runAt: at(2) });
    expect(again).toMatchObject({ created: true, job: { id: first.job.id, attempts: 0, payload: { v: 2 } } });
    expect(again.job.doneAt).toBeUndefined();
    expect((await runNextJob(h().store, { handlers: { k: noop }, worker: 'w', clock: clockAt(3) }))?.job.id).toBe(
      first.job.id,
    );
  });

  it('leaves kinds this worker does not handle to others', async () => {
    await h().reset();
    await enqueueJob(h().store, { kind: 'other', payload: {}, runAt: T0 });
    expect(await runNextJob(h().store, { handlers: { k: noop }, worker: 'w', clock: clockAt(1) })).toBeUndefined();
  });
});
