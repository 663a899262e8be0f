import type { BusinessDate, Result } from '@credence/core';
import { ok } from '@credence/core';
import { type MonthlyDeclaration, monthlyDeclaration } from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { insuredBuyerOf } from './insurance-facts';
import { policyNamed } from './policies-in-force';

/**
 * `insurance report --as-of D`: the monthly declaration of a policy (the only one when none is named): the month's
 * turnover per buyer and country and the overdue per buyer with original due dates, for every buyer in a country
 * the policy covers (core `monthlyDeclaration`).
 */
export async function insuranceReport(
  store: Pick<LedgerReads, 'insurancePolicies' | 'listBuyers' | 'insuranceLedger'>,
  x: { readonly asOf: BusinessDate; readonly policyNumber?: string },
): Promise<Result<MonthlyDeclaration>> {
  const policy = await policyNamed(store, x.policyNumber);
  if (!policy.ok) return policy;
  const p = policy.value;
  const buyers = (await store.listBuyers())
    .filter((b) => p.countries.includes(b.country))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const withLedger = [];
  for (const b of buyers)
    withLedger.push({
      buyer: insuredBuyerOf(b),
      invoices: await store.insuranceLedger(b.id, x.asOf),
    });
  return ok(monthlyDeclaration(p, withLedger, x.asOf));
}
