import type { BusinessDate } from '@credence/core';
import { type BuyerExposure, buyerExposure } from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { insuranceFacts } from './insurance-facts';
import { policiesInForce } from './policies-in-force';

export interface InsuranceExposureRow extends BuyerExposure {
  readonly policyNumber: string;
  readonly currency: string;
}

/** `insurance exposure --as-of D`: per policy and buyer, receivables, insured and uninsured parts, limit, headroom. */
export async function insuranceExposure(store: LedgerReads, asOf: BusinessDate): Promise<InsuranceExposureRow[]> {
  const rows: InsuranceExposureRow[] = [];
  for (const policy of await policiesInForce(store)) {
    const { facts } = await insuranceFacts(store, policy, asOf);
    for (const f of facts)
      rows.push({
        policyNumber: policy.policyNumber,
        currency: policy.currency,
        ...buyerExposure(f.buyer, f.invoices, f.events, policy, asOf),
      });
  }
  return rows;
}
