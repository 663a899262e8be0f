import { type LedgerReads, type PolicyKind, type PolicyOf, storedPolicy } from '@credence/app';
import { readCheckPolicy, readDunningPolicy, readGradingPolicy, readLimitPolicy } from './policies';

const FILE_READERS: { readonly [K in PolicyKind]: (path?: string) => Promise<PolicyOf[K]> } = {
  grading: readGradingPolicy,
  limit: readLimitPolicy,
  check: readCheckPolicy,
  dunning: readDunningPolicy,
  // No shipped file: the defaults of the schema (`cash` policies are set with `policy set cash FILE`).
  cash: async () => (await import('@credence/core/cash-matching')).DEFAULT_MATCH_POLICY,
};

/**
 * The policy of a kind a command uses: a file named for this one command (`--policy FILE`: a what-if) first,
 * else the newest version stored through the product (`policy set`, PUT /api/v1/policies/{kind}), else the
 * shipped file. docs/ARCHITECTURE.md, "Policies".
 */
export async function policyInForce<K extends PolicyKind>(
  store: Pick<LedgerReads, 'policyVersions'>,
  kind: K,
  path?: string,
): Promise<PolicyOf[K]> {
  if (path !== undefined) return FILE_READERS[kind](path) as Promise<PolicyOf[K]>;
  const stored = await storedPolicy(store, kind);
  return stored !== undefined ? stored.policy : (FILE_READERS[kind]() as Promise<PolicyOf[K]>);
}
