import type { Alert } from '@credence/core/monitoring';
import type { LedgerReads } from '../ports';
import type { AlertQuery } from './ports';

/** `alerts list`: the recorded alerts (by default those not resolved), by severity (critical first) then key. */
export async function listAlerts(store: Pick<LedgerReads, 'alerts'>, q: AlertQuery = {}): Promise<Alert[]> {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const rows = await store.alerts({ states: ['open', 'acknowledged', 'snoozed'], ...q });
  return rows.sort((a, b) => rank[a.severity] - rank[b.severity] || (a.key < b.key ? -1 : 1));
}
