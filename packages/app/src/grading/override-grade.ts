import {
  type BusinessDate,
  fail,
  type GradeOverride,
  type GradingPolicy,
  ok,
  overrideFigures,
  type Result,
} from '@credence/core';
import type { Store } from '../ports';

export interface GradeOverrideInput {
  readonly buyerId: string;
  /** 1 (best) … 10 (worst). */
  readonly grade: number;
  readonly reason: string;
  /** The last day it holds (inclusive); open-ended without one. */
  readonly until?: BusinessDate;
  readonly by: string;
}

/**
 * `grade override`: a credit manager overrides a buyer's computed grade from today, with a reason and an optional
 * last day. The grade's tier and PD are placed with the grading policy now in force; decisions that read a grade
 * (order check, limit recommendation, review tier, dunning ladder, worklist rank) use it while it holds. The
 * computed grade stays as it is; an override replaces the one before it (both stay in the history).
 */
export async function overrideGrade(
  store: Store,
  policy: GradingPolicy,
  x: GradeOverrideInput,
  today: BusinessDate,
): Promise<Result<GradeOverride>> {
  if (!Number.isInteger(x.grade) || x.grade < 1 || x.grade > 10)
    return fail('invalid_field', { field: 'grade', value: String(x.grade), reason: 'not_1_to_10' });
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  if (x.until !== undefined && x.until < today)
    return fail('invalid_date', { value: x.until, reason: 'before_today', today });
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
    const stored = await tx.appendGradeOverride({
      buyerId: x.buyerId,
      action: 'override',
      ...overrideFigures(x.grade, policy),
      ...(x.until !== undefined ? { until: x.until } : {}),
      reason: x.reason.trim(),
      by: x.by,
      recordedOn: today,
    });
    return stored.action === 'override' ? ok(stored) : fail('not_allowed', { reason: 'not_an_override' });
  });
}
