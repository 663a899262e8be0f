import { enqueueJob, type JobHandler, type Store } from '@credence/app';
import { openStore } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Poller, startWorker } from '../src';

// The worker loop on a real (embedded) store: pollers on every tick, due jobs run, a stop waits for the job
// running to be recorded.
describe('startWorker', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({});
  }, 60_000);
  afterAll(() => store?.close());

  it('polls on every tick, runs due jobs, and stops after the job in hand is recorded', async () => {
    const stop = new AbortController();
    const polls: Date[] = [];
    const poller: Poller = {
      name: 'count',
      poll: async (_store, now) => {
        polls.push(now);
        return 0;
      },
    };
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const ran: unknown[] = [];
    const handlers: Record<string, JobHandler> = {
      quick: async (p) => {
        ran.push(p);
      },
      slow: async (p) => {
        ran.push(p);
        stop.abort(); // a stop while a job runs: the job finishes, its outcome is recorded
        await slow;
      },
    };
    const errors: string[] = [];
    const now = () => new Date();
    await enqueueJob(store, { kind: 'quick', payload: { n: 1 }, runAt: now() });
    const working = startWorker(store, {
      handlers,
      pollers: [poller, { name: 'broken', poll: () => Promise.reject(new Error('down')) }],
      clock: { now },
      intervalMs: 10,
      signal: stop.signal,
      onError: (where, e) => errors.push(`${where}: ${(e as Error).message}`),
    });
    while (polls.length < 3) await new Promise((r) => setTimeout(r, 5));
    expect(ran).toEqual([{ n: 1 }]);
    const { job } = await enqueueJob(store, { kind: 'slow', payload: { n: 2 }, runAt: now() });
    while (ran.length < 2) await new Promise((r) => setTimeout(r, 5));
    const settled = await Promise.race([
      working.then(() => 'stopped'),
      new Promise((r) => setTimeout(r, 50, 'running')),
    ]);
    expect(settled).toBe('running');
    release();
    await working;
    expect((await store.findJob(job.id))?.doneAt).toBeInstanceOf(Date);
    expect(errors[0]).toBe('broken: down');
  });
});
