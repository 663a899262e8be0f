import { fail, ok, type Result } from '@credence/core';
import { type InsurancePolicy, type InsurancePolicyData, insurancePolicyFrom } from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';

/** The newest version of every stored policy (stored with its defaults filled in: converted without zod). */
export async function policiesInForce(store: Pick<LedgerReads, 'insurancePolicies'>): Promise<InsurancePolicy[]> {
  const newest = new Map<string, unknown>();
  for (const p of await store.insurancePolicies()) newest.set(p.policyNumber, p.body);
  const out: InsurancePolicy[] = [];
  for (const body of newest.values()) {
    const parsed = insurancePolicyFrom(body as InsurancePolicyData);
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/** One policy by number, or the only one when none is named. */
export async function policyNamed(
  store: Pick<LedgerReads, 'insurancePolicies'>,
  policyNumber?: string,
): Promise<Result<InsurancePolicy>> {
  const all = await policiesInForce(store);
  if (policyNumber !== undefined) {
    const p = all.find((x) => x.policyNumber === policyNumber);
    return p === undefined ? fail('not_found', { what: 'insurance_policy', id: policyNumber }) : ok(p);
  }
  if (all.length === 1 && all[0] !== undefined) return ok(all[0]);
  return all.length === 0
    ? fail('not_found', { what: 'insurance_policy', id: '' })
    : fail('missing_field', { field: 'policy', reason: 'several policies: name one' });
}
