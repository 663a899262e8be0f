import { fail, ok, type Result } from '../result';

/**
 * How a credit limit is recommended (`config/limit-policy.json`, docs/domain/limits.md): shares of the
 * buyer's net worth and working capital by grade, the expected-exposure terms, the grades that get no credit.
 * Shares are basis points (1 % = 100).
 */
export interface LimitPolicy {
  /** Share of equity (tangible net worth) by grade 1 … 10. */
  readonly netWorthShareBp: readonly number[];
  /** Share of working capital by grade 1 … 10. */
  readonly workingCapitalShareBp: readonly number[];
  /** When working capital is zero or negative: this share of the net-worth figure is kept. */
  readonly negativeWorkingCapitalBp: number;
  /** Days of grace added to the payment terms in the expected exposure. */
  readonly graceDays: number;
  /** Headroom over the expected exposure (basis points), for peaks. */
  readonly headroomBp: number;
  /** Without statements, the limit is at most this share of the expected exposure. */
  readonly withoutFinancialsShareBp: number;
  /** From this grade on: no credit (prepayment or security). */
  readonly prepaymentFromGrade: number;
  /** Limits are rounded down to a multiple of this many major units. */
  readonly roundTo: number;
}

const isBp = (x: unknown) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 10_000;
const tenBp = (x: unknown) => Array.isArray(x) && x.length === 10 && x.every(isBp);

export function parseLimitPolicy(json: unknown): Result<LimitPolicy> {
  const p = json as Partial<LimitPolicy> | null;
  if (typeof p !== 'object' || p === null) return fail('invalid_field', { field: 'policy', reason: 'not_an_object' });
  const problems: string[] = [];
  if (!tenBp(p.netWorthShareBp)) problems.push('netWorthShareBp: ten basis-point shares (0 … 10000), grades 1 … 10');
  if (!tenBp(p.workingCapitalShareBp)) problems.push('workingCapitalShareBp: ten basis-point shares, grades 1 … 10');
  if (!isBp(p.negativeWorkingCapitalBp)) problems.push('negativeWorkingCapitalBp: basis points 0 … 10000');
  if (!Number.isInteger(p.graceDays) || (p.graceDays as number) < 0) problems.push('graceDays: whole days ≥ 0');
  if (!Number.isInteger(p.headroomBp) || (p.headroomBp as number) < 0) problems.push('headroomBp: basis points ≥ 0');
  if (!isBp(p.withoutFinancialsShareBp)) problems.push('withoutFinancialsShareBp: basis points 0 … 10000');
  if (
    !Number.isInteger(p.prepaymentFromGrade) ||
    (p.prepaymentFromGrade as number) < 1 ||
    (p.prepaymentFromGrade as number) > 11
  )
    problems.push('prepaymentFromGrade: a grade 1 … 10 (11 = never)');
  if (!Number.isInteger(p.roundTo) || (p.roundTo as number) < 1) problems.push('roundTo: whole major units ≥ 1');
  if (problems.length > 0) return fail('invalid_field', { field: 'policy', reason: problems.join('; ') });
  return ok(p as LimitPolicy);
}
