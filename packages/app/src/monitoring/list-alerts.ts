import type { Alert } from '@credence/core/monitoring';
import { RULE_PRIORITY } from '@credence/core/monitoring';
import type { LedgerReads } from '../ports';
import type { AlertQuery } from './ports';

const RANK = { critical: 0, warning: 1, info: 2 } as const;
/** Worse first: severity, then the rule's priority (`RULE_PRIORITY`), then key. */
export const compareAlerts = (a: Alert, b: Alert): number =>
  RANK[a.severity] - RANK[b.severity] ||
  RULE_PRIORITY.indexOf(a.rule) - RULE_PRIORITY.indexOf(b.rule) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * `alerts list`: the recorded alerts (by default those not resolved), one buyer at a time: each buyer's leading
 * alert (the most severe, then by the rule's priority) ranks the buyer, and its other alerts follow it, worse first.
 */
export async function listAlerts(store: Pick<LedgerReads, 'alerts'>, q: AlertQuery = {}): Promise<Alert[]> {
  const rows = await store.alerts({ states: ['open', 'acknowledged', 'snoozed'], ...q });
  return groupByBuyer(rows).flat();
}

/** The alerts by buyer, each buyer's list worse first, the buyers by their leading alert. */
export function groupByBuyer(alerts: readonly Alert[]): Alert[][] {
  const byBuyer = new Map<string, Alert[]>();
  for (const a of alerts) byBuyer.set(a.buyerId, [...(byBuyer.get(a.buyerId) ?? []), a]);
  const groups = [...byBuyer.values()].map((g) => g.sort(compareAlerts));
  return groups.sort((x, y) => compareAlerts(x[0] as Alert, y[0] as Alert));
}
