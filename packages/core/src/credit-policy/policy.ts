import type { CurrencyCode } from '../money';
import { parseMoney } from '../money';
import { fail, ok, type Result } from '../result';

/** What a risk tier allows: the longest payment terms and the security asked for (docs/domain/credit-policy.md). */
export interface TierTerms {
  /** The longest payment terms an order may carry without a referral (0 = none: prepayment). */
  readonly maxDays: number;
  /** How the tier is sold: on open account, with part paid in advance, or against prepayment or a letter of credit. */
  readonly security: 'open_account' | 'partial_prepayment' | 'prepayment_or_lc';
  /** The share paid in advance (basis points) for `partial_prepayment`. */
  readonly prepaymentBp?: number;
}

export const TIERS = ['low', 'medium', 'high'] as const;
export type Tier = (typeof TIERS)[number];

/**
 * The credit policy as the seeds practise it (issue 18): key accounts by share of turnover, payment terms by
 * tier, the first-order cap and probation of a new buyer, the warning before a security expires. A section of
 * the check policy (`check-policy.json`, `credence policy set check`); each part is optional — absent, its
 * rule is off.
 */
export interface CreditPolicy {
  readonly keyAccounts?: {
    /** The buyers making up this share of the trailing turnover, largest first, are key accounts (2000 = 20 %). */
    readonly shareBp: number;
    /** `turnover` (default): the buyers making up the share of turnover; `buyers`: that share of the buyers. */
    readonly basis?: 'turnover' | 'buyers';
    /** The currency the buyers' turnovers are compared in (at the rates in force on the date). */
    readonly currency: string;
    /** The turnover's window, months back from the date (12). */
    readonly months: number;
    /** Months between full reviews of a key account (3: quarterly) and simplified reviews of the rest (12). */
    readonly reviewMonths: { readonly key: number; readonly simplified: number };
  };
  readonly termsByTier?: Readonly<Record<Tier, TierTerms>>;
  readonly newBuyers?: {
    /** The largest order (or limit) while on probation, per currency, in major units as text ("10000.00"). */
    readonly firstOrderCap: Readonly<Record<string, string>>;
    /** Probation lasts while the buyer has had fewer orders than this … */
    readonly probationOrders: number;
    /** … and less than this many months have passed since its first invoice (whichever ends first). */
    readonly probationMonths: number;
  };
  readonly securities?: {
    /** A security expiring within this many days is a worklist action. */
    readonly expiryWarnDays: number;
  };
  /** Proof of delivery to confirm so many days after delivery, for invoices from an amount (`delivery.ts`). */
  readonly deliveryConfirmation?: import('./delivery').DeliveryConfirmationPolicy;
}

const whole = (v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first-order cap in minor units for a currency, or undefined when the policy sets none for it. */
export function firstOrderCap(p: CreditPolicy, currency: CurrencyCode): bigint | undefined {
  const text = p.newBuyers?.firstOrderCap[currency];
  if (text === undefined) return undefined;
  const m = parseMoney(text, currency);
  return m.ok ? m.value.amount : undefined;
}

/** Checks the credit-policy section (every problem listed, like the other policies' parsers). */
export function parseCreditPolicy(json: unknown): Result<CreditPolicy> {
  if (!isObject(json)) return fail('invalid_field', { field: 'credit', reason: 'not_an_object' });
  const problems: string[] = [];
  const k = json.keyAccounts;
  if (k !== undefined) {
    const r = isObject(k) ? k.reviewMonths : undefined;
    if (
      !isObject(k) ||
      !whole(k.shareBp, 1, 10_000) ||
      !whole(k.months, 1, 60) ||
      (k.basis !== undefined && k.basis !== 'turnover' && k.basis !== 'buyers') ||
      typeof k.currency !== 'string' ||
      !/^[A-Z]{3}$/.test(k.currency) ||
      !isObject(r) ||
      !whole(r.key, 1, 60) ||
      !whole(r.simplified, 1, 60)
    )
      problems.push(
        'keyAccounts: shareBp 1 … 10000, currency (ISO 4217), months 1 … 60, reviewMonths {key, simplified} 1 … 60',
      );
  }
  const t = json.termsByTier;
  if (t !== undefined) {
    const okTier = (x: unknown) =>
      isObject(x) &&
      whole(x.maxDays, 0, 3650) &&
      ['open_account', 'partial_prepayment', 'prepayment_or_lc'].includes(x.security as string) &&
      (x.prepaymentBp === undefined || whole(x.prepaymentBp, 0, 10_000));
    if (!isObject(t) || !TIERS.every((tier) => okTier(t[tier])))
      problems.push('termsByTier: low, medium, high each {maxDays ≥ 0, security, prepaymentBp?}');
  }
  const n = json.newBuyers;
  if (n !== undefined) {
    const caps = isObject(n) ? n.firstOrderCap : undefined;
    const capsOk =
      isObject(caps) &&
      Object.entries(caps).every(
        ([c, v]) => typeof v === 'string' && parseMoney(v, c as CurrencyCode).ok && !v.startsWith('-'),
      );
    if (!isObject(n) || !capsOk || !whole(n.probationOrders, 0, 1000) || !whole(n.probationMonths, 0, 120))
      problems.push('newBuyers: firstOrderCap {currency: "amount"}, probationOrders ≥ 0, probationMonths ≥ 0');
  }
  const s = json.securities;
  if (s !== undefined && (!isObject(s) || !whole(s.expiryWarnDays, 0, 366)))
    problems.push('securities: expiryWarnDays 0 … 366');
  const d = json.deliveryConfirmation;
  if (d !== undefined) {
    const min = isObject(d) ? d.minimum : undefined;
    const minOk =
      isObject(min) &&
      Object.entries(min).every(
        ([c, v]) => typeof v === 'string' && parseMoney(v, c as CurrencyCode).ok && !v.startsWith('-'),
      );
    if (
      !isObject(d) ||
      !whole(d.afterDays, 0, 365) ||
      !minOk ||
      (d.taskWindowDays !== undefined && !whole(d.taskWindowDays, 0, 3650))
    )
      problems.push('deliveryConfirmation: afterDays 0 … 365, minimum {currency: "amount"}, taskWindowDays? 0 … 3650');
  }
  if (problems.length > 0) return fail('invalid_field', { field: 'credit', reason: problems.join('; ') });
  return ok(json as CreditPolicy);
}
