import { type BusinessDate, type CurrencyCode, type HoldEvent, holdInForce, ok, type Result } from '@credence/core';
import {
  type Alert,
  type AlertAction,
  type AlertPolicy,
  type AlertState,
  evaluateAlerts,
  type RuleId,
  reconcileAlerts,
  rulesFor,
  type Severity,
} from '@credence/core/monitoring';
import { alertHoldReason, SYSTEM_HOLDERS } from '../credit/hold-reason';
import type { Store } from '../ports';
import { alertEvent } from '../webhooks/events';
import { readPortfolioState } from './portfolio-state';
import { keepReviewTasks } from './review-tasks';

/** Who sets and lifts the holds that alerts ask for (the hold's `by`). */
export const MONITORING_ACTOR = SYSTEM_HOLDERS.alert;

export interface AlertRunSummary {
  readonly asOf: BusinessDate;
  readonly opened: number;
  readonly updated: number;
  readonly resolved: number;
  /** Alerts opened by severity. */
  readonly openedBySeverity: { readonly [S in Severity]: number };
  readonly holdsSet: readonly string[];
  readonly holdsLifted: readonly string[];
  /** `review_credit` worklist tasks opened for alerts whose rule asks for one, and closed as their alert resolved. */
  readonly reviewTasks: { readonly opened: number; readonly closed: number };
  /** The alerts not resolved after the run, by key. */
  readonly alerts: readonly Alert[];
}

const ACTIVE: readonly AlertState[] = ['open', 'acknowledged', 'snoozed'];

/**
 * `alerts run`: evaluates the alert rules on the portfolio as of the date (read for every buyer at once) and
 * records the changes all or nothing: alerts opened, updated, resolved (with their review tasks: `keepReviewTasks`). A rule with the `hold` action puts the
 * buyer on credit hold when its alert opens (unless already on hold); the hold is lifted when no alert that asked
 * for one is left and the hold in force is monitoring's own. A rule with the `webhook` action writes an
 * `alert.opened` / `alert.resolved` event (the outbox) when someone subscribed. Re-running a date changes nothing.
 */
export async function runAlerts(
  store: Store,
  x: { readonly asOf: BusinessDate; readonly policy: AlertPolicy; readonly baseCurrency?: CurrencyCode },
): Promise<Result<AlertRunSummary>> {
  const portfolio = await readPortfolioState(store, x.asOf, x.baseCurrency);
  const conditions = evaluateAlerts(portfolio.state, x.policy);
  const tierOf = new Map(portfolio.state.buyers.map((b) => [b.buyerId, b]));
  const asks = (action: AlertAction) => (a: Pick<Alert, 'rule' | 'buyerId'>) => {
    const b = tierOf.get(a.buyerId);
    const rules = rulesFor(x.policy, { tier: b?.grade?.tier, country: b?.country ?? '', groupId: b?.groupId });
    return rules[a.rule as RuleId].actions.includes(action);
  };
  const holdsRule = asks('hold');
  const webhookRule = asks('webhook');
  const reviewRule = asks('review_task');
  return store.transact(async (tx) => {
    await tx.lock('alerts');
    const previous = await tx.alerts({});
    const changes = reconcileAlerts(previous, conditions, x.asOf);
    await tx.saveAlerts([...changes.opened, ...changes.updated, ...changes.resolved]);
    const after = new Map(previous.map((a) => [a.key, a]));
    for (const a of [...changes.opened, ...changes.updated, ...changes.resolved]) after.set(a.key, a);
    const holdsSet = new Set<string>();
    const holdsLifted = new Set<string>();
    // The buyers with an alert not resolved whose rule asks for a hold (their hold stays).
    const asked = new Set(
      [...after.values()].filter((o) => ACTIVE.includes(o.state) && holdsRule(o)).map((o) => o.buyerId),
    );
    const holds: Omit<HoldEvent, 'id'>[] = [];
    for (const a of changes.opened) {
      if (!holdsRule(a) || holdsSet.has(a.buyerId)) continue;
      if (holdInForce(portfolio.holds.get(a.buyerId) ?? [], x.asOf) !== undefined) continue;
      holds.push({
        buyerId: a.buyerId,
        action: 'hold',
        reason: alertHoldReason(a.key),
        by: MONITORING_ACTOR,
        recordedOn: x.asOf,
      });
      holdsSet.add(a.buyerId);
    }
    for (const a of changes.resolved) {
      if (!holdsRule(a) || holdsLifted.has(a.buyerId) || holdsSet.has(a.buyerId) || asked.has(a.buyerId)) continue;
      const hold = holdInForce(portfolio.holds.get(a.buyerId) ?? [], x.asOf);
      if (hold === undefined || hold.by !== MONITORING_ACTOR) continue;
      holds.push({
        buyerId: a.buyerId,
        action: 'release',
        reason: alertHoldReason(a.key, true),
        by: MONITORING_ACTOR,
        recordedOn: x.asOf,
      });
      holdsLifted.add(a.buyerId);
    }
    await tx.appendHolds(holds);
    const reviewTasks = await keepReviewTasks(tx, {
      active: [...after.values()].filter((a) => ACTIVE.includes(a.state) && reviewRule(a)),
      resolved: changes.resolved.filter(reviewRule),
      buyers: tierOf,
      asOf: x.asOf,
    });
    // Webhook events of the rules that ask for them, only when someone subscribed (one probe per type).
    const events = [
      ...((await tx.webhookSubscribed('alert.opened'))
        ? changes.opened.filter(webhookRule).map((a) => alertEvent('opened', a))
        : []),
      ...((await tx.webhookSubscribed('alert.resolved'))
        ? changes.resolved.filter(webhookRule).map((a) => alertEvent('resolved', a))
        : []),
    ];
    for (const e of events) await tx.appendWebhookEvent(e);
    const count = (s: Severity) => changes.opened.filter((a) => a.severity === s).length;
    return ok({
      asOf: x.asOf,
      opened: changes.opened.length,
      updated: changes.updated.length,
      resolved: changes.resolved.length,
      openedBySeverity: { info: count('info'), warning: count('warning'), critical: count('critical') },
      holdsSet: [...holdsSet],
      holdsLifted: [...holdsLifted],
      reviewTasks,
      alerts: [...after.values()].filter((a) => ACTIVE.includes(a.state)).sort((a, b) => (a.key < b.key ? -1 : 1)),
    });
  });
}
