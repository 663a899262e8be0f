import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { type InsurancePolicy, type InsurancePolicyData, insurancePolicyFrom } from './policy';

/**
 * The terms of a trade credit insurance policy (docs/domain/credit-insurance.md). Terms are data: every
 * figure below has the typical default and can be set per policy. Amounts are decimal strings in the
 * policy's currency; `parseInsurancePolicy` turns them into minor units once, at the edge.
 */
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const AMOUNT = z.string().regex(/^\d+(\.\d+)?$/);
const days = (d: number) => z.number().int().min(0).max(3660).default(d);

export const InsurancePolicySchema = z
  .object({
    insurer: z.string().min(1),
    policyNumber: z.string().min(1),
    periodStart: DATE,
    periodEnd: DATE,
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** ISO 3166 alpha-2 codes of the buyers' countries covered. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    /** Share of the insured loss the insurer pays, in per cent with at most two decimals (90 = 90 %). */
    coverPercent: z.number().min(0).max(100).default(90),
    /** Invoices with longer terms (due date − invoice date) are not insured. */
    maxCreditTermsDays: days(120),
    /** Maximum extension period (MEP) after the original due date of the oldest unpaid insured invoice. */
    maxExtensionDays: days(60),
    /** When an overdue must be notified: `mep+N`, `due+N` or `invoice+N` calendar days. */
    notificationRule: z
      .string()
      .regex(/^(mep|due|invoice)\+\d{1,4}$/)
      .default('mep+30'),
    /** Claim waiting period after the notification; its last day is the date of loss. */
    waitingPeriodDays: days(150),
    /** The indemnity is paid within this many days after the later of the date of loss and the complete file. */
    indemnityDays: days(30),
    /** A loss at or below this amount is not paid. */
    nonQualifyingLoss: AMOUNT.default('0'),
    deductiblePerBuyer: AMOUNT.default('0'),
    /** The insured keeps at least this much of the insured loss. */
    minimumRetention: AMOUNT.default('0'),
    /** The most the insurer pays for losses dated in one policy year; absent = no cap. */
    maximumIndemnityPerYear: AMOUNT.optional(),
    /** Largest limit the insured may set itself on a credit report; 0 = no discretionary limits. */
    discretionaryLimitMax: AMOUNT.default('0'),
    discretionaryLimitValidityMonths: z.number().int().min(1).max(60).default(12),
    /** Adverse information on a buyer must be reported within this many days. */
    adverseInfoDays: days(10),
    recoveriesSharing: z.enum(['pro-rata', 'fifo']).default('pro-rata'),
    /** Each deadline becomes a collector's worklist action this many days before it falls. */
    deadlineNoticeDays: days(7),
    /** The language of the forms sent to the insurer (the overdue notification): en, zh-CN or zh-TW. */
    language: z.enum(['en', 'zh-CN', 'zh-TW']).default('en'),
    /**
     * Who takes over an insured buyer's case at a dunning hand-off (agency or legal level): the ladder's agency
     * (default) or the insurer's collector, at every hand-off level or from the level named `atLevel` only.
     */
    collectionsHandOff: z
      .object({
        to: z.enum(['agency', 'insurer']),
        atLevel: z.string().min(1).optional(),
        /** The insurer's collector (a name or an address), for the case file. */
        collector: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    exclusions: z
      .object({
        /** The insured amount is net of VAT. */
        vat: z.boolean().default(true),
        /** Sales to affiliated companies are not insured. */
        affiliates: z.boolean().default(true),
        /** Sales to public buyers are not insured. */
        publicBuyers: z.boolean().default(true),
      })
      .prefault({}),
  })
  .strict();

export type InsurancePolicyInput = z.input<typeof InsurancePolicySchema>;

/** Validates a policy file (JSON) and converts it; every problem is listed in the failure's `reason`. */
export function parseInsurancePolicy(json: unknown): Result<InsurancePolicy> {
  const n = normalizeInsurancePolicy(json);
  return n.ok ? insurancePolicyFrom(n.value) : n;
}

/** The policy file with every default filled in (what is stored: it converts without zod). */
export function normalizeInsurancePolicy(json: unknown): Result<InsurancePolicyData> {
  const parsed = InsurancePolicySchema.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.') || 'policy'}: ${i.message}`).join('; ');
    return fail('invalid_field', { field: 'policy', reason });
  }
  const checked = insurancePolicyFrom(parsed.data);
  return checked.ok ? ok(parsed.data) : checked;
}
