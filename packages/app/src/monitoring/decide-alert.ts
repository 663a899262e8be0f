import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import { type Alert, type AlertDecision, decideAlert as decide } from '@credence/core/monitoring';
import type { Store } from '../ports';

/**
 * `alerts ack|snooze|resolve`: a person's decision on an alert (audited with the note as its why). A resolved
 * alert takes no decision; a snooze must end today or later; resolving needs a note.
 */
export async function decideAlert(
  store: Store,
  x: { readonly key: string; readonly decision: AlertDecision },
  today: BusinessDate,
): Promise<Result<Alert>> {
  if (x.decision.action === 'resolve' && x.decision.note.trim() === '') return fail('missing_field', { field: 'note' });
  return store.transact(async (tx) => {
    await tx.lock('alerts');
    const [a] = await tx.alerts({ keys: [x.key] });
    if (a === undefined) return fail('not_found', { what: 'alert', id: x.key });
    const next = decide(a, x.decision, today);
    if (next === undefined)
      return fail('not_allowed', { reason: a.state === 'resolved' ? 'alert_resolved' : 'snooze_in_past', id: x.key });
    await tx.saveAlerts([next]);
    return ok(next);
  });
}
