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

// Issue 14: where the service runs, it starts the daily cycle itself at the company's time of day, through its job
// queue — no cron entry: `runWorker` with a `daily` section in the company settings queues the date and runs it.
describe('runWorker and the daily schedule', () => {
  it('queues the date at the company time of day and runs its cycle to the end', { timeout: 240_000 }, async () => {
    const { COMPANY_EXAMPLE, readCompany, readRates, runWorker } = await import('../src');
    const { dailyStatus } = await import('@credence/app/daily');
    const { date } = await import('@credence/core');
    const store = await openStore({});
    const stop = new AbortController();
    try {
      const [company, rates] = await Promise.all([readCompany(COMPANY_EXAMPLE, {}), readRates()]);
      const daily = { at: '06:00', timeZone: 'Europe/Berlin' };
      // 04:05 UTC is 06:05 in Berlin on 30 June: the 30th is due.
      const clock = { now: () => new Date('2026-06-30T04:05:00Z'), today: () => date('2026-06-30') };
      const log: string[] = [];
      const working = runWorker(store, {
        env: {},
        clock,
        company: { ...company, daily } as typeof company,
        rates,
        pollers: [],
        intervalMs: 20,
        signal: stop.signal,
        log: (l) => log.push(l),
      });
      const deadline = Date.now() + 200_000;
      while ((await dailyStatus(store, date('2026-06-30'))).state !== 'done' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      stop.abort();
      await working;
      expect((await dailyStatus(store, date('2026-06-30'))).state).toBe('done');
      expect(log).toContain('worker: the daily cycle starts at 06:00 (Europe/Berlin)');
      expect(log.some((l) => /job \d+ daily\.run \(attempt 1\): done/.test(l))).toBe(true);
    } finally {
      stop.abort();
      await store.close();
    }
  });
});
