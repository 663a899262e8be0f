import { type LedgerReads, type PolicyKind, type PolicyOf, storedPolicy } from '@credence/app';
import { readJsonConfig } from './config-file';
import { shippedPath } from './paths';
import { readCheckPolicy, readDunningPolicy, readGradingPolicy, readLimitPolicy } from './policies';

/** The shipped alert rules (docs/domain/monitoring.md). */
export const DEFAULT_ALERT_RULES_FILE = shippedPath('config/alert-rules.json');

// The monitoring schema brings zod: loaded when alert rules are read, not when the CLI starts.
const readAlertRules = async (path = DEFAULT_ALERT_RULES_FILE) =>
  readJsonConfig(path, 'alert rules', (await import('@credence/core/monitoring')).parseAlertPolicy);

const FILE_READERS: { readonly [K in PolicyKind]: (path?: string) => Promise<PolicyOf[K]> } = {
  grading: readGradingPolicy,
  limit: readLimitPolicy,
  check: readCheckPolicy,
  dunning: readDunningPolicy,
  // No shipped file: the defaults of the schema (`cash` policies are set with `policy set cash FILE`).
  cash: async () => (await import('@credence/core/cash-matching')).DEFAULT_MATCH_POLICY,
  alerts: readAlertRules,
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
