import { type BusinessDate, parseDate } from '../calendar/date';
import { type CurrencyCode, isCurrency } from '../money/currency';
import { parseMoney } from '../money/money';
import { fail, ok, type Result } from '../result';

/** A policy file with its defaults filled in (the output of `InsurancePolicySchema`). */
export interface InsurancePolicyData {
  readonly insurer: string;
  readonly policyNumber: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly currency: string;
  readonly countries: readonly string[];
  readonly coverPercent: number;
  readonly maxCreditTermsDays: number;
  readonly maxExtensionDays: number;
  readonly notificationRule: string;
  readonly waitingPeriodDays: number;
  readonly indemnityDays: number;
  readonly nonQualifyingLoss: string;
  readonly deductiblePerBuyer: string;
  readonly minimumRetention: string;
  readonly maximumIndemnityPerYear?: string | undefined;
  readonly discretionaryLimitMax: string;
  readonly discretionaryLimitValidityMonths: number;
  readonly adverseInfoDays: number;
  readonly recoveriesSharing: 'pro-rata' | 'fifo';
  readonly exclusions: { readonly vat: boolean; readonly affiliates: boolean; readonly publicBuyers: boolean };
  /** Absent in policies stored before it existed: 7. */
  readonly deadlineNoticeDays?: number | undefined;
  /** The forms' language; absent in policies stored before it existed: en. */
  readonly language?: 'en' | 'zh-CN' | 'zh-TW' | undefined;
  readonly collectionsHandOff?: CollectionsHandOff | undefined;
}

/** Who takes over an insured buyer's case at a dunning hand-off: the ladder's agency or the insurer's collector. */
export interface CollectionsHandOff {
  readonly to: 'agency' | 'insurer';
  /** Only at this dunning level (its id); absent: at every hand-off level. */
  readonly atLevel?: string | undefined;
  readonly collector?: string | undefined;
}

export type NotificationAnchor = 'mep' | 'due' | 'invoice';

/** A policy with its amounts in minor units and its cover in basis points (90 % = 9000). */
export interface InsurancePolicy {
  readonly insurer: string;
  readonly policyNumber: string;
  readonly periodStart: BusinessDate;
  readonly periodEnd: BusinessDate;
  readonly currency: CurrencyCode;
  readonly countries: readonly string[];
  readonly coverBp: number;
  readonly maxCreditTermsDays: number;
  readonly maxExtensionDays: number;
  readonly notification: { readonly anchor: NotificationAnchor; readonly days: number };
  readonly waitingPeriodDays: number;
  readonly indemnityDays: number;
  readonly nonQualifyingLoss: bigint;
  readonly deductiblePerBuyer: bigint;
  readonly minimumRetention: bigint;
  readonly maximumIndemnityPerYear: bigint | null;
  readonly discretionaryLimitMax: bigint;
  readonly discretionaryLimitValidityMonths: number;
  readonly adverseInfoDays: number;
  readonly recoveriesSharing: 'pro-rata' | 'fifo';
  readonly exclusions: { readonly vat: boolean; readonly affiliates: boolean; readonly publicBuyers: boolean };
  /** A deadline becomes a worklist action this many days before it falls. */
  readonly deadlineNoticeDays: number;
  readonly language: 'en' | 'zh-CN' | 'zh-TW';
  readonly collectionsHandOff?: CollectionsHandOff;
}

const REQUIRED: readonly (keyof InsurancePolicyData)[] = [
  'insurer',
  'policyNumber',
  'periodStart',
  'periodEnd',
  'currency',
  'countries',
  'coverPercent',
  'maxCreditTermsDays',
  'maxExtensionDays',
  'notificationRule',
  'waitingPeriodDays',
  'indemnityDays',
  'nonQualifyingLoss',
  'deductiblePerBuyer',
  'minimumRetention',
  'discretionaryLimitMax',
  'discretionaryLimitValidityMonths',
  'adverseInfoDays',
  'recoveriesSharing',
  'exclusions',
];

/**
 * Converts a policy whose defaults are filled in (`normalizeInsurancePolicy`, or a stored policy) — no zod:
 * dates, currency, cover with two decimals at most, amounts in the currency's minor units.
 */
export function insurancePolicyFrom(p: InsurancePolicyData): Result<InsurancePolicy> {
  const absent = REQUIRED.filter((k) => p[k] === undefined || p[k] === null);
  if (absent.length > 0) return fail('invalid_field', { field: 'policy', reason: `missing ${absent.join(', ')}` });
  const problems: string[] = [];
  const start = parseDate(p.periodStart);
  const end = parseDate(p.periodEnd);
  if (!start.ok) problems.push('periodStart: not a date');
  if (!end.ok) problems.push('periodEnd: not a date');
  if (start.ok && end.ok && end.value < start.value) problems.push('periodEnd: before periodStart');
  if (!isCurrency(p.currency)) problems.push(`currency: unknown ${p.currency}`);
  const bp = Math.round(p.coverPercent * 100);
  if (Math.abs(bp - p.coverPercent * 100) > 1e-6) problems.push('coverPercent: at most two decimals');
  const amount = (field: string, text: string | undefined): bigint => {
    if (text === undefined) return 0n;
    const m = parseMoney(text, p.currency);
    if (!m.ok) {
      problems.push(`${field}: ${m.error.code}`);
      return 0n;
    }
    return m.value.amount;
  };
  const nql = amount('nonQualifyingLoss', p.nonQualifyingLoss);
  const deductible = amount('deductiblePerBuyer', p.deductiblePerBuyer);
  const retention = amount('minimumRetention', p.minimumRetention);
  const maxYear =
    p.maximumIndemnityPerYear === undefined ? null : amount('maximumIndemnityPerYear', p.maximumIndemnityPerYear);
  const discretionary = amount('discretionaryLimitMax', p.discretionaryLimitMax);
  if (!/^(mep|due|invoice)\+\d{1,4}$/.test(p.notificationRule))
    problems.push('notificationRule: mep+N, due+N or invoice+N');
  const [anchor, n] = p.notificationRule.split('+') as [NotificationAnchor, string];
  if (problems.length > 0 || !start.ok || !end.ok)
    return fail('invalid_field', { field: 'policy', reason: problems.join('; ') });
  return ok(
    Object.freeze({
      insurer: p.insurer,
      policyNumber: p.policyNumber,
      periodStart: start.value,
      periodEnd: end.value,
      currency: p.currency as CurrencyCode,
      countries: Object.freeze([...p.countries]),
      coverBp: bp,
      maxCreditTermsDays: p.maxCreditTermsDays,
      maxExtensionDays: p.maxExtensionDays,
      notification: { anchor, days: Number(n) },
      waitingPeriodDays: p.waitingPeriodDays,
      indemnityDays: p.indemnityDays,
      nonQualifyingLoss: nql,
      deductiblePerBuyer: deductible,
      minimumRetention: retention,
      maximumIndemnityPerYear: maxYear,
      discretionaryLimitMax: discretionary,
      discretionaryLimitValidityMonths: p.discretionaryLimitValidityMonths,
      adverseInfoDays: p.adverseInfoDays,
      recoveriesSharing: p.recoveriesSharing,
      exclusions: { ...p.exclusions },
      deadlineNoticeDays: p.deadlineNoticeDays ?? 7,
      language: p.language ?? 'en',
      ...(p.collectionsHandOff !== undefined ? { collectionsHandOff: { ...p.collectionsHandOff } } : {}),
    }),
  );
}

/**
 * Whether a hand-off at the dunning level `levelId` goes to the insurer's collector under this policy: the policy
 * says `collectionsHandOff.to: "insurer"` and names that level or none.
 */
export function handsOffToInsurer(policy: InsurancePolicy, levelId: string): boolean {
  const h = policy.collectionsHandOff;
  return h?.to === 'insurer' && (h.atLevel === undefined || h.atLevel === levelId);
}
