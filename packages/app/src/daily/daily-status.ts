import type { BusinessDate } from '@credence/core';
import type { LedgerReads } from '../ports';
import type { DailyStepResult } from './run-daily-cycle';
import { DAILY_STEPS, type DailyStep } from './steps';

export interface DailyStatus {
  readonly asOf: BusinessDate;
  /** `done`: every step done; `failed`: a step failed (the next run resumes there); `partial`: some steps done;
   * `not_run`: nothing recorded for the date. */
  readonly state: 'done' | 'failed' | 'partial' | 'not_run';
  readonly steps: readonly (DailyStepResult & { readonly attempts: number; readonly finishedAt?: string })[];
}

/** Where one date's daily cycle stands (`GET /daily/{date}`): each step as recorded, in the cycle's order. */
export async function dailyStatus(
  store: Pick<LedgerReads, 'dailySteps'>,
  asOf: BusinessDate,
  steps: readonly DailyStep[] = DAILY_STEPS,
): Promise<DailyStatus> {
  const recorded = new Map((await store.dailySteps(asOf)).map((r) => [r.step, r]));
  const out = steps.map((s) => {
    const r = recorded.get(s.name);
    if (r === undefined) return { step: s.name, status: 'not_run' as const, ms: 0, attempts: 0 };
    return {
      step: s.name,
      status: r.status === 'done' ? ('done_before' as const) : ('failed' as const),
      ms: r.ms,
      ...(r.status === 'done' ? { figures: r.figures } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
      attempts: r.attempts,
      finishedAt: r.finishedAt.toISOString(),
    };
  });
  const state = out.some((s) => s.status === 'failed')
    ? 'failed'
    : out.every((s) => s.status === 'done_before')
      ? 'done'
      : out.some((s) => s.status === 'done_before')
        ? 'partial'
        : 'not_run';
  return { asOf, state, steps: out };
}
