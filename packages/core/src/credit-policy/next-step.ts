import { type DunningLevel, isFormalNotice, isHandOff } from '../dunning/policy';
import type { PayerPattern } from './payer-pattern';

/**
 * What the worklist proposes for an overdue buyer from its payer pattern (docs/domain/credit-policy.md §6): a
 * payment plan for one that cannot pay, escalation for one that will not — the dunning ladder's next escalating
 * step (a formal letter, a credit hold, a hand-off) — and a call when it is unclear. `why` lists the signals.
 */
export interface WorkNextStep {
  readonly code: 'payment_plan' | 'escalate' | 'call';
  readonly params: {
    /** The pattern's signal codes, comma-separated (`PayerSignalCode`). */
    readonly why: string;
    /** For `escalate`: the ladder's level, its channel and the days overdue it is due from. */
    readonly level?: string;
    readonly channel?: string;
    readonly days?: number;
  };
}

/** A step that raises the pressure: a formal notice, a credit hold (or a level that holds), a hand-off. */
const escalates = (l: DunningLevel): boolean =>
  isFormalNotice(l) || isHandOff(l) || l.channel === 'credit_hold' || l.hold === true;

/**
 * The next step for a buyer's overdue task: none when nothing is overdue; `escalate` to the first escalating level
 * of the ladder due after `daysOverdue` (past the last one: the last, due already) instead of waiting for it;
 * `call` when the pattern is unclear or the ladder has nothing that escalates.
 */
export function payerNextStep(
  pattern: PayerPattern,
  daysOverdue: number,
  levels: readonly DunningLevel[],
): WorkNextStep | undefined {
  if (pattern.class === 'not_overdue' || daysOverdue <= 0) return undefined;
  const why = pattern.reasons.map((r) => r.code).join(',');
  if (pattern.class === 'cannot_pay') return { code: 'payment_plan', params: { why } };
  const steps = levels.filter(escalates);
  const next = steps.find((l) => l.offsetDays > daysOverdue) ?? steps.at(-1);
  if (pattern.class === 'unclear' || next === undefined) return { code: 'call', params: { why } };
  return { code: 'escalate', params: { why, level: next.id, channel: next.channel, days: next.offsetDays } };
}
