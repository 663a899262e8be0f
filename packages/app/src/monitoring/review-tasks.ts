import { type BusinessDate, type CurrencyCode, exponentOf, type StoredTask } from '@credence/core';
import type { Alert, MonitoredBuyer } from '@credence/core/monitoring';
import { SYSTEM_HOLDERS } from '../credit/hold-reason';
import type { LedgerWrites } from '../ports';

/** The review task of one alert: one per alert while it is open (a later alert on the same key gets its own). */
export const reviewTaskKey = (a: Pick<Alert, 'key' | 'firstSeen'>): string => `review_credit:${a.key}:${a.firstSeen}`;

/**
 * The `review_task` action of the alert rules: each alert not resolved whose rule asks for it has one
 * `review_credit` task on the worklist for its buyer (opened once: a rerun, or a task marked done while the alert
 * stays open, opens none); the task closes (`alert_resolved`) when its alert resolves. Ranked by what the buyer
 * owes. One read of the tasks concerned, one write.
 */
export async function keepReviewTasks(
  tx: Pick<LedgerWrites, 'worklistTasks' | 'saveWorklistTasks'>,
  x: {
    /** The alerts not resolved whose rule asks for a review task. */
    readonly active: readonly Alert[];
    /** The alerts resolved now whose rule asks for one. */
    readonly resolved: readonly Alert[];
    readonly buyers: ReadonlyMap<string, Pick<MonitoredBuyer, 'currency' | 'exposure'>>;
    readonly asOf: BusinessDate;
  },
): Promise<{ readonly opened: number; readonly closed: number }> {
  const keys = [...x.active, ...x.resolved].map(reviewTaskKey);
  if (keys.length === 0) return { opened: 0, closed: 0 };
  const kept = new Map((await tx.worklistTasks({ states: [], keys })).map((t) => [t.key, t]));
  const opened: StoredTask[] = [];
  for (const a of x.active) {
    const key = reviewTaskKey(a);
    if (kept.has(key)) continue;
    const b = x.buyers.get(a.buyerId);
    const currency = b?.currency ?? ('EUR' as CurrencyCode);
    opened.push({
      key,
      subject: a.key,
      documents: [],
      buyerId: a.buyerId,
      action: 'review_credit',
      reason: { code: 'alert_review', params: { rule: a.rule, since: a.firstSeen } },
      amount: b !== undefined && b.exposure > 0n ? b.exposure : 0n,
      currency,
      exponent: exponentOf(currency),
      daysOverdue: 0,
      openedOn: x.asOf,
      state: 'open',
      stateOn: x.asOf,
    });
  }
  const closed: StoredTask[] = [];
  for (const a of x.resolved) {
    const t = kept.get(reviewTaskKey(a));
    if (t === undefined || t.state === 'done') continue;
    const { snoozedUntil: _, ...rest } = t;
    closed.push({ ...rest, state: 'done', stateOn: x.asOf, closeReason: 'alert_resolved', by: SYSTEM_HOLDERS.alert });
  }
  if (opened.length + closed.length > 0) await tx.saveWorklistTasks([...opened, ...closed]);
  return { opened: opened.length, closed: closed.length };
}
