import type { BusinessDate } from '@credence/core';
import {
  type BuyerInsuranceFacts,
  buyerDeadlines,
  type Deadline,
  type InsurancePolicy,
  insureInvoices,
  settleClaim,
} from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { insuranceFacts } from './insurance-facts';
import { policiesInForce } from './policies-in-force';

export interface PolicyDeadline extends Deadline {
  readonly policyNumber: string;
}

/** The claim of a notified buyer with its expected indemnity (the claim as it stands). */
export function withExpectedIndemnity(f: BuyerInsuranceFacts, policy: InsurancePolicy): BuyerInsuranceFacts {
  if (f.claim === undefined) return f;
  const insured = insureInvoices(f.buyer, f.invoices, f.events, policy);
  const c = settleClaim({
    policy,
    invoices: f.invoices,
    insured,
    notifiedOn: f.claim.notifiedOn,
    ...(f.claim.insolvencyDate !== undefined ? { insolvencyDate: f.claim.insolvencyDate } : {}),
  });
  return { ...f, claim: { ...f.claim, expectedIndemnity: c.indemnity } };
}

/**
 * `insurance deadlines --as-of D --within N`: every policy's deadlines falling within N days (passed ones too),
 * soonest first.
 */
export async function insuranceDeadlines(
  store: LedgerReads,
  asOf: BusinessDate,
  withinDays = 30,
): Promise<PolicyDeadline[]> {
  const out: PolicyDeadline[] = [];
  for (const policy of await policiesInForce(store)) {
    const { facts } = await insuranceFacts(store, policy, asOf);
    for (const f of facts)
      for (const d of buyerDeadlines(withExpectedIndemnity(f, policy), policy, asOf))
        if (d.daysLeft <= withinDays) out.push({ ...d, policyNumber: policy.policyNumber });
  }
  return out.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft || (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : a.kind < b.kind ? -1 : 1),
  );
}
