import { type BusinessDate, type DunningPolicy, payerNextStep, type WorkNextStep, type WorkTask } from '@credence/core';
import { payerPatterns } from '../buyers/payer-pattern';
import type { LedgerReads } from '../ports';

/** The tasks about overdue money, where what to do next depends on whether the buyer cannot or will not pay. */
const CHASING: ReadonlySet<WorkTask['action']> = new Set([
  'call',
  'post_letter',
  'hand_off',
  'credit_hold',
  'follow_up_promise',
]);

/**
 * The worklist's tasks with the next step the payer pattern proposes (issue 18, item 8; core `payerNextStep`):
 * for each overdue chasing task (a call, a letter, a hand-off, a credit hold, a broken promise to follow up), a
 * payment plan when the buyer cannot pay, escalation to the ladder's next escalating step when it will not, a
 * call when it is unclear — with the signals that say so. The patterns of all the buyers concerned are read at
 * once (`payerPatterns`), each classed on the most days overdue among its chasing tasks. Derived each day, not kept.
 */
export async function withNextSteps<T extends Pick<WorkTask, 'buyerId' | 'action' | 'daysOverdue'>>(
  store: Pick<LedgerReads, 'collectionEvents' | 'behaviourSums' | 'monitoringFacts' | 'findBuyers'>,
  tasks: readonly T[],
  x: { readonly asOf: BusinessDate; readonly policy: DunningPolicy },
): Promise<(T & { readonly nextStep?: WorkNextStep })[]> {
  const days = new Map<string, number>();
  for (const t of tasks)
    if (CHASING.has(t.action) && t.daysOverdue > 0)
      days.set(t.buyerId, Math.max(days.get(t.buyerId) ?? 0, t.daysOverdue));
  const patterns = await payerPatterns(store, days, x.asOf);
  return tasks.map((t) => {
    const pattern = patterns.get(t.buyerId);
    if (pattern === undefined || !CHASING.has(t.action)) return t;
    const step = payerNextStep(pattern, t.daysOverdue, x.policy.levels);
    return step === undefined ? t : { ...t, nextStep: step };
  });
}
