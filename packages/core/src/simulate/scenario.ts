import { z } from 'zod';
import { type BusinessDate, parseDate } from '../calendar/date';
import { type Fraction, parseFraction } from '../ecl/loss-rate';
import type { CurrencyCode } from '../money/currency';
import { parseMoney } from '../money/money';
import { fail, ok, type Result } from '../result';

/**
 * A what-if scenario (docs/domain/simulator.md): which buyers get other payment terms or limits, an earlier
 * first dunning step and how buyers respond to it, buyers that default. Validated with Zod at the edge;
 * amounts and rates become exact (minor units, fractions) in `parseScenario`.
 */
const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const RATE = z.string().refine((s) => parseFraction(s).ok, { message: 'a rate such as "50%" or "0.5"' });

/** Every condition given must hold; none given: every buyer. */
export const SegmentSchema = z
  .object({
    tier: z.enum(['low', 'medium', 'high']).optional(),
    grades: z.array(z.number().int().min(1).max(10)).min(1).optional(),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .optional(),
    buyers: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z.string().max(200).optional(),
    /** Seeds the per-invoice draws of the dunning response (same seed, same figures). */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
    /** The currency of the figures; required when the ledger has more than one. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** First day of the period for DSO and CEI (default: three months before the as-of date). */
    from: DATE.optional(),
    weeks: z.number().int().min(1).max(104).default(13),
    /** Payment terms in days for a segment: the first rule whose segment holds applies. */
    terms: z.array(z.object({ segment: SegmentSchema, days: z.number().int().min(0).max(365) }).strict()).default([]),
    /** A credit limit for a segment (decimal string in `currency`): an invoice that would exceed it is not sold. */
    limits: z
      .array(z.object({ segment: SegmentSchema, amount: z.string().regex(/^\d+(\.\d+)?$/) }).strict())
      .default([]),
    /** The first dunning step moved from `baseFirstDay` to `firstDay` days after the due date, and the share that responds. */
    dunning: z
      .object({
        baseFirstDay: z.number().int().min(0).max(365),
        firstDay: z.number().int().min(0).max(365),
        response: RATE,
      })
      .strict()
      .optional(),
    /** Buyers that default on a date: what they owe then is never paid, nothing is sold to them after. */
    defaults: z.array(z.object({ buyer: z.string().min(1), on: DATE }).strict()).default([]),
    /** Loss rate per aging bucket (default: IFRS 9's illustrative matrix); a defaulted buyer's items lose 100 %. */
    lossRates: z.record(z.string(), RATE).optional(),
  })
  .strict();

export type Segment = z.infer<typeof SegmentSchema>;

export interface Scenario {
  readonly name?: string;
  readonly seed: number;
  readonly currency?: CurrencyCode;
  readonly from?: BusinessDate;
  readonly weeks: number;
  readonly terms: readonly { readonly segment: Segment; readonly days: number }[];
  /** Limit text kept until the currency is known (`scenarioLimits`). */
  readonly limits: readonly { readonly segment: Segment; readonly amount: string }[];
  readonly dunning?: { readonly baseFirstDay: number; readonly firstDay: number; readonly response: Fraction };
  readonly defaults: readonly { readonly buyer: string; readonly on: BusinessDate }[];
  readonly lossRates?: Readonly<Record<string, Fraction>>;
}

const frac = (s: string): Fraction => {
  const f = parseFraction(s);
  if (!f.ok) throw new Error(`unchecked rate ${s}`);
  return f.value;
};
const day = (s: string): Result<BusinessDate> => parseDate(s);

/** A scenario file's JSON → a checked scenario; a clear `invalid_field` naming the first problem otherwise. */
export function parseScenario(json: unknown): Result<Scenario> {
  const r = ScenarioSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return fail('invalid_field', {
      field: issue?.path.join('.') || 'scenario',
      reason: issue?.message ?? 'invalid scenario',
    });
  }
  const s = r.data;
  const dates: string[] = [...(s.from ? [s.from] : []), ...s.defaults.map((d) => d.on)];
  for (const d of dates) if (!day(d).ok) return fail('invalid_date', { value: d });
  if (s.dunning && frac(s.dunning.response).num > frac(s.dunning.response).den)
    return fail('invalid_field', { field: 'dunning.response', reason: 'more than 100%' });
  return ok({
    ...(s.name !== undefined ? { name: s.name } : {}),
    seed: s.seed,
    ...(s.currency !== undefined ? { currency: s.currency as CurrencyCode } : {}),
    ...(s.from !== undefined ? { from: s.from as BusinessDate } : {}),
    weeks: s.weeks,
    terms: s.terms,
    limits: s.limits,
    ...(s.dunning
      ? {
          dunning: {
            baseFirstDay: s.dunning.baseFirstDay,
            firstDay: s.dunning.firstDay,
            response: frac(s.dunning.response),
          },
        }
      : {}),
    defaults: s.defaults.map((d) => ({ buyer: d.buyer, on: d.on as BusinessDate })),
    ...(s.lossRates
      ? { lossRates: Object.fromEntries(Object.entries(s.lossRates).map(([k, v]) => [k, frac(v)])) }
      : {}),
  });
}

/** The scenario's limits in minor units of the currency. */
export function scenarioLimits(
  s: Scenario,
  currency: CurrencyCode,
): Result<{ readonly segment: Segment; readonly amount: bigint }[]> {
  const out: { segment: Segment; amount: bigint }[] = [];
  for (const l of s.limits) {
    const m = parseMoney(l.amount, currency);
    if (!m.ok) return m;
    out.push({ segment: l.segment, amount: m.value.amount });
  }
  return ok(out);
}
