import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Clock, Store } from '../ports';
import { type DailyHold, takeDailyRun } from './daily-lease';
import type { DailyFigures, DailyStepRecord } from './ports';
import { DAILY_STEPS, type DailyContext, type DailyStep } from './steps';

/** What happened to one step in this run: ran now, done by an earlier run of the date, failed, or not reached. */
export interface DailyStepResult {
  readonly step: string;
  readonly status: 'ran' | 'done_before' | 'failed' | 'not_run';
  /** How long it took (the earlier run's time for `done_before`). */
  readonly ms: number;
  readonly figures?: DailyFigures;
  readonly error?: string;
}

export interface DailyCycleSummary {
  readonly asOf: BusinessDate;
  /** Every step done (now or before). */
  readonly complete: boolean;
  readonly steps: readonly DailyStepResult[];
  /** Alerts opened on the date by severity, letters recorded on the date by level (from the steps' figures). */
  readonly alertsBySeverity: Readonly<Record<string, number>>;
  readonly lettersByLevel: Readonly<Record<string, number>>;
  /** This run's time. */
  readonly ms: number;
}

export type DailyProgress =
  | { readonly step: string; readonly phase: 'start' }
  | { readonly step: string; readonly phase: 'skip' }
  | { readonly step: string; readonly phase: 'done' | 'failed'; readonly ms: number };

/** What a run and its steps both take: the clock, the steps (default all) and progress. */
type DailyRunOptions = {
  readonly clock: Pick<Clock, 'now'>;
  readonly steps?: readonly DailyStep[];
  readonly onProgress?: (p: DailyProgress) => void;
};

/**
 * The daily cycle (issue 14): its steps (`DAILY_STEPS`: re-grade, reviews due, alerts, cash matching, dunning) run
 * in order, each at most once per date: a step done for the date (a row in `daily_steps`) is skipped, so a rerun
 * of the date changes nothing and a run that failed or crashed resumes at the step it did not finish. A step that
 * fails is recorded failed with its error; the steps after it are not run (they may depend on it).
 *
 * One run per date: the run holds the date (`takeDailyRun`) from its start to its end, so a second run of the same
 * date started meanwhile stops at once with `run_in_progress` (or, with `waitMs`, waits for the first to end and
 * then finds its steps done): every step runs once per date however many runs are started together.
 */
export async function runDailyCycle(
  store: Store,
  ctx: DailyContext,
  asOf: BusinessDate,
  o: DailyRunOptions & {
    /** Who runs it, shown to a second run of the date (default: the context's `by`). */
    readonly holder?: string;
    /** How long to wait for another run of the date to end (default 0: stop at once with `run_in_progress`). */
    readonly waitMs?: number;
    /** The lease on the date (default `DAILY_LEASE_MS`): how long a crashed run keeps others out. */
    readonly leaseMs?: number;
  },
): Promise<Result<DailyCycleSummary>> {
  if (ctx.today !== undefined && asOf > ctx.today)
    return fail('invalid_argument', { reason: 'run_in_future', value: asOf, today: ctx.today });
  const started = performance.now();
  const hold = await takeDailyRun(store, asOf, {
    clock: o.clock,
    holder: o.holder ?? ctx.by,
    ...(o.waitMs !== undefined ? { waitMs: o.waitMs } : {}),
    ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : {}),
  });
  if (!hold.ok) return hold;
  try {
    return await runSteps(store, ctx, asOf, { ...o, hold: hold.value, started });
  } finally {
    await hold.value.release();
  }
}

/** The steps in order, under the run's hold on the date (renewed before each step). */
async function runSteps(
  store: Store,
  ctx: DailyContext,
  asOf: BusinessDate,
  o: DailyRunOptions & {
    readonly hold: DailyHold;
    readonly started: number;
  },
): Promise<Result<DailyCycleSummary>> {
  const steps = o.steps ?? DAILY_STEPS;
  const done = new Map<string, DailyStepRecord>(
    (await store.dailySteps(asOf)).filter((r) => r.status === 'done').map((r) => [r.step, r]),
  );
  const results: DailyStepResult[] = [];
  let failed = false;
  for (const step of steps) {
    const before = done.get(step.name);
    if (failed) {
      results.push({ step: step.name, status: 'not_run', ms: 0 });
      continue;
    }
    if (before !== undefined) {
      o.onProgress?.({ step: step.name, phase: 'skip' });
      results.push({ step: step.name, status: 'done_before', ms: before.ms, figures: before.figures });
      continue;
    }
    const renewed = await o.hold.renew();
    if (!renewed.ok) return renewed;
    o.onProgress?.({ step: step.name, phase: 'start' });
    const t = performance.now();
    let figures: DailyFigures | undefined;
    let error: string | undefined;
    try {
      figures = await step.run(store, ctx, asOf);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ms = Math.round(performance.now() - t);
    const record = {
      asOf,
      step: step.name,
      ms,
      finishedAt: o.clock.now(),
      ...(figures !== undefined
        ? { status: 'done' as const, figures }
        : { status: 'failed' as const, figures: { counts: {} }, error: error ?? 'failed' }),
    };
    await store.transact((tx) => tx.recordDailyStep(record));
    o.onProgress?.({ step: step.name, phase: figures !== undefined ? 'done' : 'failed', ms });
    if (figures === undefined) {
      failed = true;
      results.push({ step: step.name, status: 'failed', ms, error: error ?? 'failed' });
    } else results.push({ step: step.name, status: 'ran', ms, figures });
  }
  return ok({
    asOf,
    complete: !failed,
    steps: results,
    alertsBySeverity: sumBy(results, 'severity'),
    lettersByLevel: sumBy(results, 'level'),
    ms: Math.round(performance.now() - o.started),
  });
}

/** The steps' counts by one key (`severity`, `level`), summed over the steps that report it. */
function sumBy(results: readonly DailyStepResult[], key: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.figures?.by?.[key] ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}
