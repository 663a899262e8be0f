import type { BusinessDate } from '../calendar';
import { type Grade, tierOf } from './grade';
import type { GradingPolicy } from './policy';

/**
 * A credit manager's override of a buyer's computed grade, or its removal: append-only, with who and why. An
 * override holds from the day it is recorded through `until` (inclusive; open-ended without one) unless a later
 * event replaces or clears it. Its tier and PD are those of the grade under the policy of the day it was recorded
 * (as a grade run records them), so every reader of a grade can use it without the policy.
 */
export type GradeOverrideEvent = {
  readonly id: number;
  readonly buyerId: string;
  readonly reason: string;
  readonly by: string;
  readonly recordedOn: BusinessDate;
} & (
  | {
      readonly action: 'override';
      readonly grade: number;
      readonly tier: Grade['tier'];
      readonly pd: number;
      readonly until?: BusinessDate;
    }
  | { readonly action: 'clear' }
);

export type GradeOverride = Extract<GradeOverrideEvent, { action: 'override' }>;

/** An event as a use case appends it; the store gives it its id. */
export type GradeOverrideDraft = GradeOverrideEvent extends infer E
  ? E extends GradeOverrideEvent
    ? Omit<E, 'id'>
    : never
  : never;

/** The override in force on a date: the buyer's latest event recorded by then, if it overrides and has not expired. */
export function overrideInForce(events: readonly GradeOverrideEvent[], asOf: BusinessDate): GradeOverride | undefined {
  const last = events
    .filter((e) => e.recordedOn <= asOf)
    .reduce<GradeOverrideEvent | undefined>(
      (m, e) =>
        m === undefined || e.recordedOn > m.recordedOn || (e.recordedOn === m.recordedOn && e.id > m.id) ? e : m,
      undefined,
    );
  if (last?.action !== 'override') return undefined;
  return last.until === undefined || asOf <= last.until ? last : undefined;
}

/**
 * The PD a grade stands for on the policy's master scale: the geometric middle of its band (grade 1 taken from
 * half its upper bound, grade 10 up to twice its lower bound, at most 1). Used for an overridden grade, whose
 * PD is the grade's rather than the model's.
 */
export function gradePd(grade: number, policy: GradingPolicy): number {
  const scale = policy.masterScale;
  const upper = grade <= 9 ? (scale[grade - 1] as number) : Math.min(2 * (scale[8] as number), 1);
  const lower = grade >= 2 ? (scale[grade - 2] as number) : (scale[0] as number) / 2;
  return Math.sqrt(lower * upper);
}

/** An override of grade `grade` as the policy places it: its tier and PD. */
export function overrideFigures(grade: number, policy: GradingPolicy): Pick<GradeOverride, 'grade' | 'tier' | 'pd'> {
  return { grade, tier: tierOf(grade, policy), pd: gradePd(grade, policy) };
}

/** What a decision reads of a grade: the override in force when there is one, else the computed grade. */
export type GradeFigures = Pick<Grade, 'grade' | 'tier' | 'pd'>;

export function effectiveGrade(
  computed: GradeFigures | undefined,
  override: GradeOverride | undefined,
): GradeFigures | undefined {
  if (override !== undefined) return { grade: override.grade, tier: override.tier, pd: override.pd };
  return computed === undefined ? undefined : { grade: computed.grade, tier: computed.tier, pd: computed.pd };
}
