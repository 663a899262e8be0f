import { sigmoid } from '../scoring/model';
import type { GradingPolicy } from './policy';

/** What is known of a buyer on the date; anything may be missing. */
export interface GradeInputs {
  /** PD from the buyer's financial statements (the model), with how many model inputs were missing. */
  readonly financial?: { readonly pd: number; readonly fiscalYear: number; readonly missingInputs: number };
  /** Weighted days beyond terms over the last 12 and 3 months (settled invoices); undefined = no payments. */
  readonly daysBeyondTerms?: { readonly months12: number; readonly months3?: number };
  /** Days overdue of the oldest item still owed on the date (0 if none). */
  readonly oldestOverdueDays: number;
  /** OECD country risk class 0 … 7, 'unclassified' (high-income), or undefined when the country is unknown. */
  readonly countryClass?: number | 'unclassified';
  readonly industry?: string;
  /** The credit insurer's grade of the buyer (1 best … 10 worst), the latest dated by then. */
  readonly insurerGrade?: number;
  /** A credit bureau's score (0 worst … 100 best), the latest dated by then. */
  readonly bureauScore?: number;
}

/** A grade or score from outside, dated: an insurer's grade 1 … 10 or a bureau's score 0 … 100. */
export interface ExternalGrade {
  readonly buyerId: string;
  readonly date: import('../calendar').BusinessDate;
  readonly source: 'insurer' | 'bureau';
  readonly value: number;
}

/** Every grade reason code (the source of truth of the reason catalogs, core/reasons). */
export const GRADE_REASON_CODES = [
  'financial_pd',
  'no_financials',
  'days_beyond_terms',
  'paying_slower',
  'long_overdue',
  'no_payment_history',
  'country_risk',
  'unknown_country',
  'industry_risk',
  'insurer_grade',
  'bureau_score',
] as const;
export type GradeReasonCode = (typeof GRADE_REASON_CODES)[number];

/** One step from the starting PD to the grade: a code, its figures, and what it did to the log-odds. */
export interface GradeReason {
  readonly code: GradeReasonCode;
  readonly params: Readonly<Record<string, number | string>>;
  readonly logOdds: number;
}

export interface Grade {
  /** 1 (best) … 10 (worst). */
  readonly grade: number;
  readonly pd: number;
  readonly tier: 'low' | 'medium' | 'high';
  /** How much of the picture was there: financials, payment history, country, external grade. */
  readonly confidence: 'high' | 'medium' | 'low';
  readonly reasons: readonly GradeReason[];
  /** The inputs that were missing. */
  readonly missing: readonly string[];
}

const logit = (p: number): number => Math.log(p / (1 - p));

/** The grade of a PD on the policy's master scale. */
export function gradeOf(pd: number, policy: GradingPolicy): number {
  const i = policy.masterScale.findIndex((upper) => pd < upper);
  return i < 0 ? 10 : i + 1;
}

export function tierOf(grade: number, policy: GradingPolicy): Grade['tier'] {
  return grade <= policy.tiers.low ? 'low' : grade <= policy.tiers.medium ? 'medium' : 'high';
}

/**
 * Grades a buyer: start from the financial PD (weighted with the base PD) or the base PD alone, add the log-odds of each signal —
 * payment behaviour, long overdue items, country, industry — then blend with the insurer's grade when there
 * is one, and place the PD on the master scale. Every step is a reason; missing inputs lower the confidence.
 */
export function gradeBuyer(x: GradeInputs, policy: GradingPolicy): Grade {
  const reasons: GradeReason[] = [];
  const missing: string[] = [];
  let z: number;
  if (x.financial) {
    const w = policy.financialWeight;
    z = w * logit(Math.min(Math.max(x.financial.pd, 1e-6), 1 - 1e-6)) + (1 - w) * logit(policy.basePd);
    reasons.push({
      code: 'financial_pd',
      params: {
        pd: x.financial.pd,
        weight: w,
        fiscalYear: x.financial.fiscalYear,
        missingInputs: x.financial.missingInputs,
      },
      logOdds: z,
    });
  } else {
    z = logit(policy.basePd);
    missing.push('financials');
    reasons.push({ code: 'no_financials', params: { basePd: policy.basePd }, logOdds: z });
  }
  const b = policy.behaviour;
  if (x.daysBeyondTerms) {
    const days = Math.min(Math.max(x.daysBeyondTerms.months12, 0), b.maxDays);
    if (days > 0)
      reasons.push({
        code: 'days_beyond_terms',
        params: { days: x.daysBeyondTerms.months12 },
        logOdds: days * b.perDayBeyondTerms,
      });
    const recent = x.daysBeyondTerms.months3;
    if (recent !== undefined && recent > x.daysBeyondTerms.months12) {
      const worse = Math.min(recent - x.daysBeyondTerms.months12, b.maxDays);
      reasons.push({
        code: 'paying_slower',
        params: { months3: recent, months12: x.daysBeyondTerms.months12 },
        logOdds: worse * b.perDayWorse,
      });
    }
  } else missing.push('payment history');
  if (x.oldestOverdueDays > b.overdueDays)
    reasons.push({
      code: 'long_overdue',
      params: { days: x.oldestOverdueDays, limit: b.overdueDays },
      logOdds: b.overdueLogOdds,
    });
  if (x.countryClass === undefined) {
    missing.push('country risk');
    reasons.push({ code: 'unknown_country', params: {}, logOdds: 0 });
  } else {
    const c = x.countryClass === 'unclassified' ? 0 : x.countryClass;
    if (c > 0) reasons.push({ code: 'country_risk', params: { oecdClass: c }, logOdds: c * policy.perCountryClass });
  }
  const level = x.industry === undefined ? 'medium' : (policy.industries[x.industry] ?? 'medium');
  if (policy.industry[level] !== 0)
    reasons.push({
      code: 'industry_risk',
      params: { industry: x.industry ?? '-', level },
      logOdds: policy.industry[level],
    });
  if (x.bureauScore !== undefined) {
    const score = Math.min(Math.max(x.bureauScore, 0), 100);
    reasons.push({ code: 'bureau_score', params: { score }, logOdds: (50 - score) * policy.bureauPerPoint });
  }
  for (const r of reasons.slice(1)) z += r.logOdds;
  if (x.insurerGrade !== undefined) {
    const g = Math.min(Math.max(Math.round(x.insurerGrade), 1), 10);
    const theirs = logit(policy.insurer.pdByGrade[g - 1] as number);
    const blended = (1 - policy.insurer.weight) * z + policy.insurer.weight * theirs;
    reasons.push({ code: 'insurer_grade', params: { grade: g }, logOdds: blended - z });
    z = blended;
  } else if (x.bureauScore === undefined) missing.push('external grade');
  const pd = sigmoid(z);
  const grade = gradeOf(pd, policy);
  const known = 4 - missing.length;
  return {
    grade,
    pd,
    tier: tierOf(grade, policy),
    confidence: known >= 3 ? 'high' : known === 2 ? 'medium' : 'low',
    reasons,
    missing,
  };
}
