import type { ExternalGrade } from '../grading/grade';

/** "Cannot pay" (a liquidity problem: help with a plan) or "will not pay" (means but no will: escalate). */
export type PayerClass = 'cannot_pay' | 'will_not_pay' | 'unclear' | 'not_overdue';
/** What the worklist should do next for the buyer. */
export type PayerNextStep = 'payment_plan' | 'escalate' | 'call' | 'none';

export const PAYER_SIGNAL_CODES = [
  'explanation_offered',
  'no_explanation',
  'cycle_lengthening',
  'promises_broken',
  'disputes_raised',
  'external_grade_weak',
  'external_grade_sound',
] as const;
export type PayerSignalCode = (typeof PAYER_SIGNAL_CODES)[number];

/** The signals the seeds name, as the use case gathers them for a buyer on a date. */
export interface PayerSignals {
  /** The most days any owed item is overdue (≤ 0: nothing overdue). */
  readonly daysOverdue: number;
  /** Contacts in which the buyer explained itself in the window: notes, calls, promises, plans, disputes. */
  readonly explanations: number;
  /** Amount-weighted days beyond terms over the last 3 months and over 12 (payment behaviour). */
  readonly daysBeyondTerms3m?: number;
  readonly daysBeyondTerms12m?: number;
  /** Promises broken in the window. */
  readonly brokenPromises: number;
  /** Disputes opened in the window. */
  readonly disputes: number;
  /** The latest external grades (insurer 1 … 10, bureau 0 … 100). */
  readonly external: readonly Pick<ExternalGrade, 'source' | 'value'>[];
}

export interface PayerReason {
  readonly code: PayerSignalCode;
  /** Which way it points. */
  readonly points: 'cannot_pay' | 'will_not_pay';
  readonly params: Readonly<Record<string, string | number>>;
}

export interface PayerPattern {
  readonly class: PayerClass;
  readonly nextStep: PayerNextStep;
  readonly reasons: readonly PayerReason[];
}

/** Days beyond terms longer over the last 3 months than over 12 by at least this many: the cycle lengthens. */
export const CYCLE_LENGTHENING_DAYS = 10;
/** Broken promises in the window from which the pattern points to unwillingness. */
export const BROKEN_PROMISES = 2;

/** An insurer's grade 7 … 10 or a bureau score below 30 is weak; 1 … 3 or 70 and above sound; else neither. */
export function externalStanding(
  grades: readonly Pick<ExternalGrade, 'source' | 'value'>[],
): { readonly standing: 'weak' | 'sound'; readonly source: string; readonly value: number } | undefined {
  for (const g of grades) {
    if (g.source === 'insurer' && g.value >= 7) return { standing: 'weak', source: g.source, value: g.value };
    if (g.source === 'bureau' && g.value < 30) return { standing: 'weak', source: g.source, value: g.value };
  }
  for (const g of grades) {
    if (g.source === 'insurer' && g.value <= 3) return { standing: 'sound', source: g.source, value: g.value };
    if (g.source === 'bureau' && g.value >= 70) return { standing: 'sound', source: g.source, value: g.value };
  }
  return undefined;
}

/**
 * Cannot pay or will not pay (docs/domain/credit-policy.md): each signal points one way — an explanation
 * offered, a lengthening payment cycle and a weak external grade to a buyer short of cash; no explanation,
 * promises broken again and again, disputes raised and a sound external grade to one that has the means and
 * does not pay. The side with more signals wins (a tie is unclear); a buyer with nothing overdue is not classed.
 * Next step: a payment plan for cannot pay, escalation for will not pay, a call when unclear.
 */
export function classifyPayer(s: PayerSignals): PayerPattern {
  if (s.daysOverdue <= 0) return { class: 'not_overdue', nextStep: 'none', reasons: [] };
  const reasons: PayerReason[] = [];
  if (s.explanations > 0)
    reasons.push({ code: 'explanation_offered', points: 'cannot_pay', params: { count: s.explanations } });
  else reasons.push({ code: 'no_explanation', points: 'will_not_pay', params: { days: s.daysOverdue } });
  if (
    s.daysBeyondTerms3m !== undefined &&
    s.daysBeyondTerms12m !== undefined &&
    s.daysBeyondTerms3m - s.daysBeyondTerms12m >= CYCLE_LENGTHENING_DAYS
  )
    reasons.push({
      code: 'cycle_lengthening',
      points: 'cannot_pay',
      params: { recent: Math.round(s.daysBeyondTerms3m), year: Math.round(s.daysBeyondTerms12m) },
    });
  if (s.brokenPromises >= BROKEN_PROMISES)
    reasons.push({ code: 'promises_broken', points: 'will_not_pay', params: { count: s.brokenPromises } });
  if (s.disputes > 0) reasons.push({ code: 'disputes_raised', points: 'will_not_pay', params: { count: s.disputes } });
  const ext = externalStanding(s.external);
  if (ext !== undefined)
    reasons.push({
      code: ext.standing === 'weak' ? 'external_grade_weak' : 'external_grade_sound',
      points: ext.standing === 'weak' ? 'cannot_pay' : 'will_not_pay',
      params: { source: ext.source, value: ext.value },
    });
  const cannot = reasons.filter((r) => r.points === 'cannot_pay').length;
  const willNot = reasons.length - cannot;
  const cls: PayerClass = cannot > willNot ? 'cannot_pay' : willNot > cannot ? 'will_not_pay' : 'unclear';
  const nextStep: PayerNextStep = cls === 'cannot_pay' ? 'payment_plan' : cls === 'will_not_pay' ? 'escalate' : 'call';
  return { class: cls, nextStep, reasons };
}
