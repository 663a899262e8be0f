import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import { parsePolicy } from './parse-policy';
import type { PolicyKind, PolicyVersion } from './ports';

/** JSON with the keys of every object sorted: a stored body (jsonb keeps its own key order) compared by content. */
const canonical = (x: unknown): string =>
  JSON.stringify(x, (_k, v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/**
 * `policy set`: stores a new version of a policy, validated as the shipped file is, with who and why. Earlier
 * versions stay; the newest is the one in force (`storedPolicy`). The same content as the newest version is not
 * stored again (that version is returned).
 */
export async function setPolicy(
  store: Store,
  x: { readonly kind: PolicyKind; readonly body: unknown; readonly reason: string; readonly by: string },
): Promise<Result<PolicyVersion>> {
  if (x.reason.trim() === '') return fail('missing_field', { field: 'reason' });
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  const parsed = await parsePolicy(x.kind, x.body);
  if (!parsed.ok) return parsed;
  return store.transact(async (tx) => {
    await tx.lock(`policy:${x.kind}`);
    const newest = (await tx.policyVersions(x.kind)).at(-1);
    if (newest !== undefined && canonical(newest.body) === canonical(parsed.value)) return ok(newest);
    return ok(await tx.appendPolicyVersion({ kind: x.kind, body: parsed.value, reason: x.reason.trim(), by: x.by }));
  });
}
