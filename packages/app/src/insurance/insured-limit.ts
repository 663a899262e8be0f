import type { BusinessDate } from '@credence/core';
import { limitInForce } from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { limitEventsOf } from './insurance-facts';
import { policiesInForce } from './policies-in-force';

export interface InsuredLimit {
  readonly policyNumber: string;
  readonly currency: string;
  /** Minor units of the policy's currency; 0 when withdrawn, expired or never approved. */
  readonly amount: bigint;
  /** Why this limit is in force (`approved`, `reduced`, `withdrawn`, `discretionary`, …). */
  readonly reason: string;
}

/**
 * The insured limit in force for deliveries on `asOf` under the policy the buyer has facts under (its first), or
 * undefined when no policy names the buyer.
 */
export async function insuredLimitOn(
  store: Pick<LedgerReads, 'insurancePolicies' | 'insuranceEvents'>,
  buyerId: string,
  asOf: BusinessDate,
): Promise<InsuredLimit | undefined> {
  const policies = await policiesInForce(store);
  if (policies.length === 0) return undefined;
  const events = (await store.insuranceEvents({ buyerId })).filter((e) => e.date <= asOf);
  const policy = policies.find((p) => events.some((e) => e.policyNumber === p.policyNumber));
  if (policy === undefined) return undefined;
  const l = limitInForce(limitEventsOf(events.filter((e) => e.policyNumber === policy.policyNumber)), asOf, policy);
  return { policyNumber: policy.policyNumber, currency: policy.currency, amount: l.amount, reason: l.reason };
}
