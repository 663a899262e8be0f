import type { BusinessDate } from '@credence/core';
import { handsOffToInsurer, type InsurancePolicy } from '@credence/core/insurance-rules';
import { policiesInForce } from '../insurance/policies-in-force';
import type { LedgerReads } from '../ports';
import type { Letter } from './letter';
import type { OutboxEntry } from './ports';

/** The recipient of a case file handed to an insurer's collector: `insurer:<policy number>`. */
export const INSURER_RECIPIENT = 'insurer:';

/**
 * The policies under which each buyer is insured on `asOf` (any fact recorded under the policy by then) that hand
 * cases to the insurer's collector (`collectionsHandOff.to: "insurer"`); empty without such a policy.
 */
export async function insurerHandOffs(
  store: Pick<LedgerReads, 'insurancePolicies' | 'insuranceEvents'>,
  asOf: BusinessDate,
): Promise<ReadonlyMap<string, InsurancePolicy>> {
  const out = new Map<string, InsurancePolicy>();
  for (const policy of await policiesInForce(store)) {
    if (policy.collectionsHandOff?.to !== 'insurer') continue;
    for (const e of await store.insuranceEvents({ policyNumber: policy.policyNumber }))
      if (e.date <= asOf && !out.has(e.buyerId)) out.set(e.buyerId, policy);
  }
  return out;
}

/**
 * A hand-off letter (agency or legal level) of an insured buyer whose policy hands such cases to the insurer's
 * collector: its case file goes to the insurer (recipient `insurer:<policy>`), not to the ladder's agency.
 */
export function handedToInsurer<T extends { readonly letter: Letter; readonly outbox: readonly OutboxEntry[] }>(
  built: T,
  byBuyer: ReadonlyMap<string, InsurancePolicy>,
): T {
  const policy = byBuyer.get(built.letter.debtor.id);
  if (policy === undefined || !handsOffToInsurer(policy, built.letter.levelId)) return built;
  const recipient = `${INSURER_RECIPIENT}${policy.policyNumber}`;
  return { ...built, outbox: built.outbox.map((o) => (o.kind === 'case_file' ? { ...o, recipient } : o)) };
}
