import {
  type BusinessDate,
  bucketIndex,
  bucketSet,
  type CurrencyCode,
  convertParts,
  daysBetween,
  type Failure,
  type Fraction,
  ok,
  type Result,
} from '@credence/core';
import { insuredOpenItems } from '@credence/core/insurance-rules';
import { insuranceFacts } from '../insurance/insurance-facts';
import { policiesInForce } from '../insurance/policies-in-force';
import type { LedgerReads } from '../ports';

/** Per aging bucket: the insured part open as of the date, and what the covers pay on it (exact). */
export interface InsuredBuckets {
  readonly insured: readonly bigint[];
  readonly covered: readonly Fraction[];
}

/** One buyer's insured parts under one policy, per aging bucket, in the policy's currency. */
export interface InsuredPart {
  readonly buyerId: string;
  readonly policyNumber: string;
  readonly currency: CurrencyCode;
  /** The policy's cover in basis points (90 % = 9000). */
  readonly coverBp: bigint;
  readonly parts: readonly bigint[];
}

/** A policy's cover is kept in basis points: 90 % = 9000 / 10000. */
const COVER_DEN = 10_000n;

/**
 * The credit-insured parts of the receivables open as of `asOf`, per buyer, policy and aging bucket of `bounds` (by
 * each invoice's original due date), under every stored policy: the insured part of an invoice is the policy's rule
 * (limit in force on its delivery date, run-off after a reduction, VAT and exclusions). No policy: none.
 */
export async function insuredParts(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
): Promise<Result<InsuredPart[], Failure>> {
  const set = bucketSet(bounds);
  if (!set.ok) return set;
  const out: InsuredPart[] = [];
  for (const policy of await policiesInForce(store)) {
    const { facts } = await insuranceFacts(store, policy, asOf);
    for (const f of facts) {
      const parts = set.value.labels.map(() => 0n);
      for (const item of insuredOpenItems(f.buyer, f.invoices, f.events, policy, asOf)) {
        const j = bucketIndex(set.value, daysBetween(item.dueDate, asOf));
        parts[j] = (parts[j] ?? 0n) + item.insured;
      }
      if (parts.some((p) => p > 0n))
        out.push({
          buyerId: f.buyer.buyerId,
          policyNumber: policy.policyNumber,
          currency: policy.currency,
          coverBp: BigInt(policy.coverBp),
          parts,
        });
    }
  }
  return ok(out);
}

/**
 * Sums insured parts per bucket in `currency` (each policy's sum converted once at the FX rates in force on `asOf`,
 * as the aging converts a currency's buckets), with what the covers pay on them: Σ insured × cover, exact.
 */
export async function sumInsured(
  store: Pick<LedgerReads, 'fxRates'>,
  parts: readonly InsuredPart[],
  width: number,
  currency: CurrencyCode,
  asOf: BusinessDate,
): Promise<Result<InsuredBuckets, Failure>> {
  const insured = Array.from({ length: width }, () => 0n);
  const covered = Array.from({ length: width }, () => 0n);
  const byPolicy = new Map<string, { currency: CurrencyCode; coverBp: bigint; parts: bigint[] }>();
  for (const p of parts) {
    const g = byPolicy.get(p.policyNumber) ?? {
      currency: p.currency,
      coverBp: p.coverBp,
      parts: insured.map(() => 0n),
    };
    p.parts.forEach((x, j) => {
      g.parts[j] = (g.parts[j] ?? 0n) + x;
    });
    byPolicy.set(p.policyNumber, g);
  }
  const rates = [...byPolicy.values()].some((g) => g.currency !== currency) ? await store.fxRates() : [];
  for (const g of byPolicy.values()) {
    const converted = convertParts(g.parts, g.currency, currency, rates, asOf);
    if (!converted.ok) return converted;
    converted.value.parts.forEach((x, j) => {
      insured[j] = (insured[j] ?? 0n) + x;
      covered[j] = (covered[j] ?? 0n) + x * g.coverBp;
    });
  }
  return ok({ insured, covered: covered.map((num) => ({ num, den: COVER_DEN })) });
}

/** The insured parts of every buyer per bucket in `currency`, and what the covers pay on them. */
export async function insuredByBucket(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
  currency: CurrencyCode,
): Promise<Result<InsuredBuckets, Failure>> {
  const parts = await insuredParts(store, asOf, bounds);
  if (!parts.ok) return parts;
  return sumInsured(store, parts.value, bounds.length + 2, currency, asOf);
}
