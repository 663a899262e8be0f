import { fail, ok, type Result } from '@credence/core';
import { normalizeInsurancePolicy } from '@credence/core/insurance';
import type { Store } from '../ports';
import type { StoredInsurancePolicy } from './ports';

const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/**
 * `insurance policy add FILE.json`: validates the policy's terms and stores them as the next version of its
 * policy number, with who and why. The same content as the newest version is not stored again (a rerun).
 */
export async function addInsurancePolicy(
  store: Store,
  x: { readonly body: unknown; readonly reason: string; readonly by: string },
): Promise<Result<StoredInsurancePolicy>> {
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  const parsed = normalizeInsurancePolicy(x.body);
  if (!parsed.ok) return parsed;
  // Stored with every default filled in: a later change of a default does not change a signed policy.
  const body = parsed.value;
  const policyNumber = body.policyNumber;
  return store.transact(async (tx) => {
    await tx.lock(`insurance:${policyNumber}`);
    const newest = (await tx.insurancePolicies()).filter((p) => p.policyNumber === policyNumber).at(-1);
    if (newest !== undefined && canonical(newest.body) === canonical(body)) return ok(newest);
    const reason = x.reason.trim() === '' ? `policy ${policyNumber}` : x.reason.trim();
    return ok(await tx.appendInsurancePolicy({ policyNumber, body, reason, by: x.by }));
  });
}
