import { fail, ok, type Result } from '../result';

/**
 * How a grade is made: log-odds added to a PD for each risk signal, the master scale from PD to grade and
 * the tiers. Kept in a file (`config/grading-policy.json`), validated here; docs/domain/grading.md explains it.
 */
export interface GradingPolicy {
  /** PD assumed when a buyer has no financial statements. */
  readonly basePd: number;
  /**
   * How far the financial PD is trusted (0 … 1): the start is this weight of its log-odds and the rest of
   * the base PD's. A model's PDs are sharpest where it is least sure (a PD of 0.01 % from a few ratios);
   * the weight pulls them toward the portfolio's prior.
   */
  readonly financialWeight: number;
  /** Upper PD bound of grades 1 … 9, increasing; a PD at or above the last is grade 10. */
  readonly masterScale: readonly number[];
  /** Highest grade of the low and of the medium tier; above is high. */
  readonly tiers: { readonly low: number; readonly medium: number };
  readonly behaviour: {
    /** Log-odds per day of weighted days beyond terms (last 12 months), up to `maxDays`. */
    readonly perDayBeyondTerms: number;
    readonly maxDays: number;
    /** Log-odds per day the last 3 months are worse than the last 12 (only when worse). */
    readonly perDayWorse: number;
    /** Log-odds when an item is overdue by more than `overdueDays` on the date. */
    readonly overdueDays: number;
    readonly overdueLogOdds: number;
  };
  /** Log-odds per OECD country risk class (0 … 7); unclassified (high-income) countries count 0. */
  readonly perCountryClass: number;
  /** Log-odds per industry risk level. */
  readonly industry: { readonly low: number; readonly medium: number; readonly high: number };
  /** Industry → risk level; industries not listed are medium. */
  readonly industries: Readonly<Record<string, 'low' | 'medium' | 'high'>>;
  /** Log-odds per point a bureau score (0 … 100) is below 50 (above 50 lowers the PD). */
  readonly bureauPerPoint: number;
  /** External grades: the PD each insurer grade 1 … 10 stands for, and its weight against ours (0 … 1). */
  readonly insurer: { readonly pdByGrade: readonly number[]; readonly weight: number };
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isPd = (x: unknown): x is number => isNum(x) && x > 0 && x < 1;
const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));

/** Checks a policy read from JSON; every problem is named with its path. */
export function parseGradingPolicy(json: unknown): Result<GradingPolicy> {
  const problems: string[] = [];
  const p = json as Partial<GradingPolicy> | null;
  if (typeof p !== 'object' || p === null) return fail('invalid_field', { field: 'policy', reason: 'not_an_object' });
  if (!isPd(p.basePd)) problems.push('basePd: a probability between 0 and 1');
  if (!isNum(p.financialWeight) || p.financialWeight < 0 || p.financialWeight > 1)
    problems.push('financialWeight: a number from 0 to 1');
  const scale = p.masterScale;
  if (!Array.isArray(scale) || scale.length !== 9 || !scale.every(isPd) || !increasing(scale))
    problems.push('masterScale: nine increasing probabilities (upper bounds of grades 1 … 9)');
  const t = p.tiers;
  if (
    !t ||
    !Number.isInteger(t.low) ||
    !Number.isInteger(t.medium) ||
    !(t.low >= 1 && t.low < t.medium && t.medium < 10)
  )
    problems.push('tiers: {low, medium} grades with 1 ≤ low < medium < 10');
  const b = p.behaviour;
  if (
    !b ||
    ![b.perDayBeyondTerms, b.maxDays, b.perDayWorse, b.overdueDays, b.overdueLogOdds].every(isNum) ||
    b.maxDays < 0 ||
    b.overdueDays < 0
  )
    problems.push('behaviour: perDayBeyondTerms, maxDays, perDayWorse, overdueDays, overdueLogOdds (numbers)');
  if (!isNum(p.perCountryClass)) problems.push('perCountryClass: a number');
  if (!isNum(p.bureauPerPoint)) problems.push('bureauPerPoint: a number');
  const i = p.industry;
  if (!i || ![i.low, i.medium, i.high].every(isNum)) problems.push('industry: {low, medium, high} numbers');
  const inds = p.industries;
  if (
    typeof inds !== 'object' ||
    inds === null ||
    !Object.values(inds).every((v) => v === 'low' || v === 'medium' || v === 'high')
  )
    problems.push('industries: {"<industry>": "low" | "medium" | "high"}');
  const ins = p.insurer;
  if (
    !ins ||
    !Array.isArray(ins.pdByGrade) ||
    ins.pdByGrade.length !== 10 ||
    !ins.pdByGrade.every(isPd) ||
    !increasing(ins.pdByGrade) ||
    !isNum(ins.weight) ||
    ins.weight < 0 ||
    ins.weight > 1
  )
    problems.push('insurer: {pdByGrade: ten increasing probabilities, weight: 0 … 1}');
  if (problems.length > 0) return fail('invalid_field', { field: 'policy', reason: problems.join('; ') });
  return ok(p as GradingPolicy);
}
