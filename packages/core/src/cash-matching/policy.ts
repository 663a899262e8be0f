import { z } from 'zod';

const weight = (d: number) => z.number().min(0).max(1).default(d);
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The matching policy: tolerances, thresholds and the weight of each kind of evidence — data a credit
 * manager can see and change (docs/domain/cash-application.md). Every field has a default, so `{}` is a policy.
 */
export const MatchPolicySchema = z.object({
  /** A proposal at or above this score is applied without review (never on amount alone). */
  autoApplyThreshold: z.number().min(0).max(1).default(0.95),
  /** The best proposal is applied only when the next one scores at least this much lower. */
  ambiguityMargin: z.number().min(0).max(1).default(0.1),
  tolerance: z
    .object({
      /** Short or over payment (bank fees, FX) tolerated: at most this share of the amount due, in basis points … */
      percentBp: z.number().int().min(0).max(10_000).default(100),
      /** … and at most this much, a decimal per currency; a currency not listed has only the share. */
      absolute: z
        .record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(DECIMAL))
        .default({ EUR: '25', USD: '25', GBP: '20', CHF: '25', CNY: '200', HKD: '200', TWD: '800', JPY: '3000' }),
    })
    .prefault({}),
  skonto: z
    .object({
      /** Early-payment discounts buyers may take, in basis points of the amount due. */
      ratesBp: z.array(z.number().int().min(1).max(10_000)).default([200, 300]),
      /** … when the payment is booked within this many days of the invoice date. */
      days: z.number().int().min(0).default(14),
      graceDays: z.number().int().min(0).default(3),
    })
    .prefault({}),
  name: z
    .object({
      /** A payer name scoring below this against every buyer is unknown. */
      cutoff: z.number().min(0).max(1).default(0.9),
      /** Two buyers whose scores are this close are a tie: no match by name. */
      tieMargin: z.number().min(0).max(1).default(0.02),
    })
    .prefault({}),
  subsetSum: z
    .object({
      /** At most this many documents in a combination. */
      maxItems: z.number().int().min(1).max(20).default(5),
      /** Only the buyer's oldest open items (by due date) this many are searched. */
      maxOpenItems: z.number().int().min(1).max(200).default(30),
      /** The search stops after this many steps; a search cut short is ambiguous. */
      maxSteps: z.number().int().min(100).default(100_000),
    })
    .prefault({}),
  weights: z
    .object({
      reference: weight(0.9),
      document: weight(0.85),
      iban: weight(0.85),
      /** A name at the cut-off counts `nameLow`, a perfect one `nameHigh`. */
      nameLow: weight(0.5),
      nameHigh: weight(0.85),
      amountExact: weight(0.7),
      amountTolerance: weight(0.5),
      amountCombination: weight(0.6),
      /** The score of a proposal whose payer is another known buyer is multiplied by this. */
      payerConflictFactor: weight(0.6),
    })
    .prefault({}),
  /** A reversal is looked for among payments booked at most this many days before it. */
  reversalWindowDays: z.number().int().min(0).default(90),
});

export type MatchPolicy = z.infer<typeof MatchPolicySchema>;

/** The policy with every default. */
export const DEFAULT_MATCH_POLICY: MatchPolicy = MatchPolicySchema.parse({});

/** Reads a policy (a JSON object; missing fields take their defaults); problems as Zod reports them. */
export function parseMatchPolicy(input: unknown): { ok: true; value: MatchPolicy } | { ok: false; problems: string[] } {
  const r = MatchPolicySchema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`) };
}
