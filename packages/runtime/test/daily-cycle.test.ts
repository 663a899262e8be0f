import { randomBytes } from 'node:crypto';
import { importDocuments, type Store } from '@credence/app';
import { DAILY_STEPS, type DailyContext, type DailyStep, runDailyCycle } from '@credence/app/daily';
import { type BusinessDate, date } from '@credence/core';
import { type Engine, openEngine, storeOn } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_EXAMPLE, dailyContext, readCompany, readRates } from '../src';

// The daily cycle (issue 14) on PGlite and, with DATABASE_URL, on PostgreSQL: its steps run in order, a rerun of
// the date creates nothing, a failed step is where the next run resumes, and the statements the whole cycle
// issues do not depend on the number of buyers.

const AS_OF = date('2026-06-30');
const clock = { now: () => new Date('2026-06-30T06:00:00Z') };

interface Target {
  readonly name: string;
  open(): Promise<{ engine: Engine; dispose(): Promise<void> }>;
}

function targets(): Target[] {
  const list: Target[] = [{ name: 'pglite', open: async () => open(undefined) }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: async () => open(url) });
  return list;
}

async function open(databaseUrl: string | undefined) {
  const schema = databaseUrl === undefined ? undefined : `t_${randomBytes(6).toString('hex')}`;
  const engine = await openEngine({
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
    ...(schema !== undefined ? { schema } : {}),
  });
  return {
    engine,
    async dispose() {
      if (schema !== undefined) await engine.db.schema.dropSchema(schema).cascade().execute();
      await engine.close();
    },
  };
}

/** The engine with every statement counted (inside transactions too), as the monitoring-queries test does. */
function counting(engine: Engine): { engine: Engine; count: () => number } {
  let n = 0;
  const plugin: Parameters<Engine['db']['withPlugin']>[0] = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const counted: Engine = {
    ...engine,
    db: engine.db.withPlugin(plugin),
    transact: (work) => engine.transact((conn) => work({ ...conn, db: conn.db.withPlugin(plugin) })),
  };
  return { engine: counted, count: () => n };
}

/** `n` buyers, each with an invoice 120 days overdue and one 20 days overdue, and a limit below what it owes. */
async function portfolio(store: Store, n: number, prefix = 'B'): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  await store.transact((tx) =>
    tx.upsertBuyers(ids.map((id) => ({ id, name: id, country: 'DE', currency: 'EUR' as never, paymentTermsDays: 30 }))),
  );
  const docs = await importDocuments(store, {
    file: 'i.csv',
    columns: ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
    rows: ids.flatMap((id, i) => [
      {
        row: 2 * i + 2,
        values: {
          document_number: `${id}-1`,
          buyer_id: id,
          type: 'invoice',
          issue_date: '2026-02-01',
          due_date: '2026-03-02',
          amount: '1000.00',
          currency: 'EUR',
        },
      },
      {
        row: 2 * i + 3,
        values: {
          document_number: `${id}-2`,
          buyer_id: id,
          type: 'invoice',
          issue_date: '2026-05-10',
          due_date: '2026-06-10',
          amount: '400.00',
          currency: 'EUR',
        },
      },
    ]),
  });
  if (!docs.ok) throw new Error(JSON.stringify(docs.error));
  await store.transact(async (tx) => {
    for (const buyerId of ids)
      await tx.appendLimitEvent({
        buyerId,
        kind: 'approval',
        amount: 500_00n,
        currency: 'EUR' as never,
        validFrom: date('2026-01-12'),
        by: 'cora',
        reason: 'x',
        recordedOn: date('2026-01-12'),
      });
  });
}

const tableCounts = async (engine: Engine) => {
  const out: Record<string, number> = {};
  for (const t of ['grades', 'alerts', 'dunning_letters', 'outbox', 'credit_holds', 'audit_log', 'daily_steps']) {
    const r = await engine.db
      .selectFrom(t as never)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number((r as { n: string }).n);
  }
  return out;
};

for (const target of targets()) {
  describe(`the daily cycle on ${target.name}`, { timeout: 240_000 }, () => {
    let ctx: DailyContext;
    const opened: Awaited<ReturnType<Target['open']>>[] = [];
    beforeAll(async () => {
      const [company, rates] = await Promise.all([readCompany(COMPANY_EXAMPLE, {}), readRates()]);
      const first = await target.open();
      opened.push(first);
      ctx = await dailyContext(storeOn(first.engine), { company, rates, by: 'tester', today: AS_OF });
    }, 240_000);
    afterAll(async () => {
      for (const o of opened) await o.dispose();
    });

    /** A new empty database (the first one opened is used once). */
    const fresh = async (): Promise<{ engine: Engine; store: Store }> => {
      const o = opened.length === 1 && !used ? (opened[0] as (typeof opened)[number]) : await target.open();
      if (!opened.includes(o)) opened.push(o);
      used = true;
      return { engine: o.engine, store: storeOn(o.engine) };
    };
    let used = false;

    it('runs its steps in order, each once; a rerun of the date creates nothing', async () => {
      const { engine, store } = await fresh();
      await portfolio(store, 3);
      const order: string[] = [];
      const traced: DailyStep[] = DAILY_STEPS.map((s) => ({
        name: s.name,
        run: (st, c, d) => {
          order.push(s.name);
          return s.run(st, c, d);
        },
      }));
      const first = await runDailyCycle(store, ctx, AS_OF, { clock, steps: traced });
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      expect(order).toEqual(['grades', 'reviews', 'alerts', 'cash', 'dunning', 'statements', 'digests']);
      expect(first.value.complete).toBe(true);
      expect(first.value.steps.map((s) => [s.step, s.status])).toEqual(order.map((s) => [s, 'ran']));
      const step = (name: string) => first.value.steps.find((s) => s.step === name)?.figures?.counts ?? {};
      // Grades first: each buyer graded and recorded before the alerts read them (a first grade fires nothing).
      expect(step('grades')).toMatchObject({ graded: 3, recorded: 3 });
      // Over limit and overdue 120 days: alerts for each of the three buyers, critical ones among them.
      expect(step('alerts').opened ?? 0).toBeGreaterThanOrEqual(6);
      expect(first.value.alertsBySeverity.critical ?? 0).toBeGreaterThan(0);
      // A first run: letters at the first overdue level, the rest held for confirmation.
      const dunning = step('dunning');
      expect((dunning.letters ?? 0) + (dunning.held ?? 0)).toBe(3);
      const after = await tableCounts(engine);
      expect(after.daily_steps).toBe(DAILY_STEPS.length);

      order.length = 0;
      const again = await runDailyCycle(store, ctx, AS_OF, { clock, steps: traced });
      if (!again.ok) throw new Error(JSON.stringify(again.error));
      expect(order).toEqual([]);
      expect(again.value.steps.map((s) => s.status)).toEqual(Array(DAILY_STEPS.length).fill('done_before'));
      // The same summary from the recorded figures, and not one row more anywhere.
      expect(again.value.alertsBySeverity).toEqual(first.value.alertsBySeverity);
      expect(again.value.lettersByLevel).toEqual(first.value.lettersByLevel);
      expect(await tableCounts(engine)).toEqual(after);

      // The next day re-grades where something changed only: the same inputs, no grade written.
      const next = await runDailyCycle(store, { ...ctx, today: date('2026-07-01') }, date('2026-07-01'), {
        clock,
        steps: traced,
      });
      if (!next.ok) throw new Error(JSON.stringify(next.error));
      expect(next.value.steps[0]?.figures?.counts).toMatchObject({ graded: 3 });
      expect(next.value.steps[0]?.figures?.counts.recorded).toBeLessThanOrEqual(3);
    });

    it('resumes at the step that failed, without running the steps done before it again', async () => {
      const { engine, store } = await fresh();
      await portfolio(store, 3);
      const ran: string[] = [];
      let failAlerts = true;
      const steps: DailyStep[] = DAILY_STEPS.map((s) => ({
        name: s.name,
        run: async (st, c, d) => {
          ran.push(s.name);
          if (s.name === 'alerts' && failAlerts) throw new Error('the alert rules could not be evaluated');
          return s.run(st, c, d);
        },
      }));
      const first = await runDailyCycle(store, ctx, AS_OF, { clock, steps });
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      expect(first.value.complete).toBe(false);
      expect(first.value.steps.map((s) => s.status)).toEqual([
        'ran',
        'ran',
        'failed',
        ...Array(DAILY_STEPS.length - 3).fill('not_run'),
      ]);
      expect(first.value.steps[2]?.error).toContain('could not be evaluated');
      expect(ran).toEqual(['grades', 'reviews', 'alerts']);
      const { dailyStatus } = await import('@credence/app/daily');
      expect((await dailyStatus(store, AS_OF)).state).toBe('failed');
      const grades = (await tableCounts(engine)).grades;

      ran.length = 0;
      failAlerts = false;
      const second = await runDailyCycle(store, ctx, AS_OF, { clock, steps });
      if (!second.ok) throw new Error(JSON.stringify(second.error));
      expect(ran).toEqual(['alerts', 'cash', 'dunning', 'statements', 'digests']);
      expect(second.value.steps.map((s) => s.status)).toEqual([
        'done_before',
        'done_before',
        'ran',
        'ran',
        'ran',
        'ran',
        'ran',
      ]);
      expect(second.value.complete).toBe(true);
      expect((await tableCounts(engine)).grades).toBe(grades);
      const status = await dailyStatus(store, AS_OF);
      expect(status.state).toBe('done');
      expect(status.steps.find((s) => s.step === 'alerts')?.attempts).toBe(2);
    });

    it('runs each step once when two runs of the date start together: the second stops, or waits', async () => {
      const { engine, store } = await fresh();
      await portfolio(store, 3);
      const ran: string[] = [];
      const steps: DailyStep[] = DAILY_STEPS.map((s) => ({
        name: s.name,
        run: (st, c, d) => {
          ran.push(s.name);
          return s.run(st, c, d);
        },
      }));
      const run = (holder: string, waitMs = 0) => runDailyCycle(store, ctx, AS_OF, { clock, steps, holder, waitMs });
      const [a, b] = await Promise.all([run('run A'), run('run B')]);
      const outcomes = [a, b].map((r) => (r.ok ? 'ran' : r.error.code)).sort();
      expect(outcomes).toEqual(['ran', 'run_in_progress']);
      const stopped = [a, b].find((r) => !r.ok);
      expect(stopped?.ok === false && stopped.error.params.holder).toMatch(/^run [AB]$/);
      expect(ran).toEqual(DAILY_STEPS.map((s) => s.name));
      const once = await tableCounts(engine);
      const { dailyStatus } = await import('@credence/app/daily');
      expect((await dailyStatus(store, AS_OF)).steps.map((s) => s.attempts)).toEqual(DAILY_STEPS.map(() => 1));

      // The next day, the second run waits for the first and then finds every step done.
      const next = date('2026-07-01');
      ran.length = 0;
      const later = (holder: string, waitMs: number) =>
        runDailyCycle(store, { ...ctx, today: next }, next, { clock, steps, holder, waitMs });
      const [c, d] = await Promise.all([later('run C', 120_000), later('run D', 120_000)]);
      if (!c.ok || !d.ok) throw new Error(JSON.stringify([c, d]));
      expect(ran).toEqual(DAILY_STEPS.map((s) => s.name));
      const statuses = [c, d].map((r) => (r.ok ? r.value.steps.map((s) => s.status) : []));
      expect(statuses).toContainEqual(DAILY_STEPS.map(() => 'ran'));
      expect(statuses).toContainEqual(DAILY_STEPS.map(() => 'done_before'));
      expect((await tableCounts(engine)).daily_steps).toBe((once.daily_steps ?? 0) + DAILY_STEPS.length);
      // Nothing holds either date once its runs have ended.
      expect([await store.dailyRunLease(AS_OF), await store.dailyRunLease(next)]).toEqual([undefined, undefined]);
    });

    it('refuses a date after today', async () => {
      const { store } = await fresh();
      const r = await runDailyCycle(store, ctx, date('2026-07-01') as BusinessDate, { clock });
      expect(r.ok ? 'ran' : r.error.params.reason).toBe('run_in_future');
    });

    it('issues as many statements for 30 buyers as for 3', async () => {
      const statementsFor = async (n: number) => {
        const { engine, store } = await fresh();
        await portfolio(store, n);
        const c = counting(engine);
        const r = await runDailyCycle(storeOn(c.engine), ctx, AS_OF, { clock });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        expect(r.value.complete).toBe(true);
        const per = r.value.steps.map((s) => `${s.step} ${JSON.stringify(s.figures?.counts)}`);
        return { statements: c.count(), per };
      };
      const small = await statementsFor(3);
      const large = await statementsFor(30);
      console.info(`daily cycle: ${small.statements} statements for 3 buyers, ${large.statements} for 30`);
      expect(large.statements).toBe(small.statements);
      expect(small.statements).toBeGreaterThan(20);
    });
  });
}

describe('the daily schedule', () => {
  it('checks the settings and says which date is due at an instant in the company time zone', async () => {
    const { parseDailySchedule, dailyDue } = await import('@credence/core/monitoring');
    const bad = parseDailySchedule({ at: '25:00', timeZone: 'Mars/Olympus' });
    expect(bad.ok ? '' : String(bad.error.params.problems)).toMatch(/daily\.at: .*daily\.timeZone/);
    const s = parseDailySchedule({ at: '06:30', timeZone: 'Asia/Shanghai' });
    if (!s.ok) throw new Error('valid settings refused');
    // 22:29 UTC on 29 June is 06:29 on 30 June in Shanghai: not yet; a minute later the 30th is due.
    expect(dailyDue(s.value, new Date('2026-06-29T22:29:00Z'))).toBeUndefined();
    expect(dailyDue(s.value, new Date('2026-06-29T22:30:00Z'))).toBe('2026-06-30');
    expect(dailyDue({ ...s.value, enabled: false }, new Date('2026-06-29T23:00:00Z'))).toBeUndefined();
  });

  it('queues the date once, however many ticks see it due', { timeout: 120_000 }, async () => {
    const { DAILY_JOB } = await import('@credence/app');
    const { dailyPoller } = await import('../src');
    const o = await open(undefined);
    try {
      const store = storeOn(o.engine);
      const poller = dailyPoller({ at: '06:00', timeZone: 'Europe/Berlin', enabled: true });
      const before = await poller.poll(store, new Date('2026-06-30T03:59:00Z'));
      const first = await poller.poll(store, new Date('2026-06-30T04:00:00Z'));
      const again = await poller.poll(store, new Date('2026-06-30T09:00:00Z'));
      // Another process (a second worker) asks too: the job's key returns the one queued.
      const other = await dailyPoller({ at: '06:00', timeZone: 'Europe/Berlin', enabled: true }).poll(
        store,
        new Date('2026-06-30T10:00:00Z'),
      );
      expect([before, first, again, other]).toEqual([0, 1, 0, 0]);
      const { rows } = await o.engine.db
        .selectFrom('jobs' as never)
        .select(['kind' as never, 'dedup_key' as never])
        .execute()
        .then((r) => ({ rows: r as unknown as { kind: string; dedup_key: string }[] }));
      expect(rows).toEqual([{ kind: DAILY_JOB, dedup_key: 'daily:2026-06-30' }]);
    } finally {
      await o.dispose();
    }
  });
});
