import { type CurrencyCode, exponentOf } from '../money/currency';
import { divideRounded } from '../money/round';
import type { LimitPolicy } from './policy';

export interface LimitInputs {
  readonly currency: CurrencyCode;
  /** 1 … 10 (core grading). */
  readonly grade: number;
  /** Average monthly sales to the buyer (minor units), e.g. over the last 12 months. */
  readonly monthlySales: bigint;
  readonly paymentTermsDays: number;
  /** From the latest statements, in the same currency (minor units); absent when not reported. */
  readonly equity?: bigint;
  readonly workingCapital?: bigint;
}

/** Every way a limit figure is reached (the source of truth of the reason catalogs, core/reasons). */
export const LIMIT_METHODS = [
  'expected_exposure',
  'net_worth',
  'working_capital',
  'without_financials',
  'prepayment',
] as const;
export type LimitMethod = (typeof LIMIT_METHODS)[number];

/** One figure the recommendation looked at: the method, its amount and how it was reached. */
export interface LimitFigure {
  readonly method: LimitMethod;
  readonly amount: bigint;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface LimitRecommendation {
  readonly currency: CurrencyCode;
  /** Rounded down to the policy's step; 0 = no credit. */
  readonly amount: bigint;
  /** The figure that decided it. */
  readonly decidedBy: LimitMethod;
  readonly figures: readonly LimitFigure[];
}

/** amount × bp / 10000, rounded down: the one rounding of shares. */
export const shareOf = (amount: bigint, bp: number): bigint => divideRounded(amount * BigInt(bp), 10_000n, 'floor');

/** Rounds a limit down to a multiple of `step` major units. */
export function roundDownLimit(amount: bigint, currency: CurrencyCode, step: number): bigint {
  const unit = BigInt(step) * 10n ** BigInt(exponentOf(currency));
  return amount <= 0n ? 0n : (amount / unit) * unit;
}

/**
 * The recommended limit: what the buyer needs (expected exposure = monthly sales × (terms + grace) / 30 plus
 * headroom), capped by what its balance sheet carries for its grade (the lower of the net-worth and the
 * working-capital shares; without statements, a share of the need), nothing from the prepayment grade on.
 */
export function recommendLimit(x: LimitInputs, policy: LimitPolicy): LimitRecommendation {
  const figures: LimitFigure[] = [];
  const g = Math.min(Math.max(Math.round(x.grade), 1), 10);
  const days = x.paymentTermsDays + policy.graceDays;
  const exposure = divideRounded(x.monthlySales * BigInt(days), 30n, 'ceiling');
  const need = exposure + shareOf(exposure, policy.headroomBp);
  figures.push({
    method: 'expected_exposure',
    amount: need,
    params: { monthlySales: x.monthlySales.toString(), days, headroomBp: policy.headroomBp },
  });
  const caps: LimitFigure[] = [];
  const nwBp = policy.netWorthShareBp[g - 1] ?? 0;
  const wcBp = policy.workingCapitalShareBp[g - 1] ?? 0;
  const netWorth = x.equity === undefined ? undefined : x.equity > 0n ? shareOf(x.equity, nwBp) : 0n;
  if (netWorth !== undefined) caps.push({ method: 'net_worth', amount: netWorth, params: { shareBp: nwBp, grade: g } });
  if (x.workingCapital !== undefined)
    caps.push(
      x.workingCapital > 0n
        ? { method: 'working_capital', amount: shareOf(x.workingCapital, wcBp), params: { shareBp: wcBp, grade: g } }
        : {
            // Negative working capital is a warning, not a verdict: keep part of the net-worth figure.
            method: 'working_capital',
            amount: shareOf(netWorth ?? 0n, policy.negativeWorkingCapitalBp),
            params: { negative: 'yes', shareOfNetWorthBp: policy.negativeWorkingCapitalBp },
          },
    );
  if (caps.length === 0)
    caps.push({
      method: 'without_financials',
      amount: shareOf(need, policy.withoutFinancialsShareBp),
      params: { shareBp: policy.withoutFinancialsShareBp },
    });
  figures.push(...caps);
  if (g >= policy.prepaymentFromGrade) {
    figures.push({ method: 'prepayment', amount: 0n, params: { grade: g, fromGrade: policy.prepaymentFromGrade } });
    return { currency: x.currency, amount: 0n, decidedBy: 'prepayment', figures };
  }
  const cap = caps.reduce((m, c) => (c.amount < m.amount ? c : m));
  const decided = need <= cap.amount ? (figures[0] as LimitFigure) : cap;
  return {
    currency: x.currency,
    amount: roundDownLimit(decided.amount, x.currency, policy.roundTo),
    decidedBy: decided.method,
    figures,
  };
}
