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

/** A policy's cover is kept in basis points: 90 % = 9000 / 10000. */
const COVER_DEN = 10_000n;

/**
 * The credit-insured parts of the receivables open as of `asOf`, per aging bucket of `bounds` (by each invoice's
 * original due date), in `currency` at the FX rates in force on `asOf`, under every stored policy: the insured part
 * of an invoice is the policy's rule (limit in force on its delivery date, run-off after a reduction, VAT and
 * exclusions); what the cover pays is that part times the policy's cover. No policy: nothing insured.
 */
export async function insuredByBucket(
  store: LedgerReads,
  asOf: BusinessDate,
  bounds: readonly number[],
  currency: CurrencyCode,
): Promise<Result<InsuredBuckets, Failure>> {
  const set = bucketSet(bounds);
  if (!set.ok) return set;
  const width = set.value.labels.length;
  const insured = Array.from({ length: width }, () => 0n);
  const covered = Array.from({ length: width }, () => 0n);
  const policies = await policiesInForce(store);
  const rates = policies.some((p) => p.currency !== currency) ? await store.fxRates() : [];
  for (const policy of policies) {
    const parts = Array.from({ length: width }, () => 0n);
    const { facts } = await insuranceFacts(store, policy, asOf);
    for (const f of facts)
      for (const item of insuredOpenItems(f.buyer, f.invoices, f.events, policy, asOf)) {
        const j = bucketIndex(set.value, daysBetween(item.dueDate, asOf));
        parts[j] = (parts[j] ?? 0n) + item.insured;
      }
    const converted = convertParts(parts, policy.currency, currency, rates, asOf);
    if (!converted.ok) return converted;
    const cover = BigInt(policy.coverBp);
    converted.value.parts.forEach((p, j) => {
      insured[j] = (insured[j] ?? 0n) + p;
      covered[j] = (covered[j] ?? 0n) + p * cover;
    });
  }
  return ok({ insured, covered: covered.map((num) => ({ num, den: COVER_DEN })) });
}
