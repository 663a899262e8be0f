import type { LedgerReads } from '../ports';
import { type PolicyOf, parsePolicy } from './parse-policy';
import type { PolicyKind, PolicyVersion } from './ports';

/**
 * The newest stored version of a policy, parsed, or undefined when none is stored (the runtime then reads the
 * file). A stored version was valid when it was set; one the parser now refuses (a rule added since) is an error,
 * not a silent fall back to the file.
 */
export async function storedPolicy<K extends PolicyKind>(
  store: Pick<LedgerReads, 'policyVersions'>,
  kind: K,
): Promise<{ readonly version: PolicyVersion; readonly policy: PolicyOf[K] } | undefined> {
  const newest = (await store.policyVersions(kind)).at(-1);
  if (newest === undefined) return undefined;
  const parsed = await parsePolicy(kind, newest.body);
  if (!parsed.ok)
    throw new Error(`stored ${kind} policy version ${newest.version} is not valid: ${JSON.stringify(parsed.error)}`);
  return { version: newest, policy: parsed.value };
}
