import type { BusinessDate } from '../calendar';
import type { AlertCondition, Figures } from './evaluate';
import type { RuleId } from './rules';
import { type Severity, severityRank } from './rules';

export const ALERT_STATES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** An alert as recorded: one per key, its latest figures, its state and when it was first and last seen. */
export interface Alert {
  readonly key: string;
  readonly rule: RuleId;
  readonly buyerId: string;
  readonly document?: string;
  readonly severity: Severity;
  readonly figures: Figures;
  readonly measure: bigint;
  readonly state: AlertState;
  readonly firstSeen: BusinessDate;
  readonly lastSeen: BusinessDate;
  /** Snoozed: quiet until this date (it opens again on the day after), unless it worsens. */
  readonly snoozedUntil?: BusinessDate;
  /** Resolved: `cleared` when its condition went away, `manual` when someone resolved it (with a note). */
  readonly resolution?: 'cleared' | 'manual';
  readonly resolvedOn?: BusinessDate;
  readonly note?: string;
}

/**
 * Worse than before: a higher severity, or a larger measure in the rule's unit (more notches, more days beyond
 * terms, a larger overdue amount, a larger share). The age of an overdue item is not its measure (it grows daily).
 */
export const worsened = (
  before: Pick<Alert, 'severity' | 'measure'>,
  now: Pick<AlertCondition, 'severity' | 'measure'>,
) => severityRank(now.severity) > severityRank(before.severity) || now.measure > before.measure;

/** What an evaluation changes: alerts opened (new or again), alerts updated in place, alerts resolved. */
export interface AlertChanges {
  /** New, reopened, or woken from a snooze or an acknowledgement because they worsened: their actions run. */
  readonly opened: readonly Alert[];
  readonly updated: readonly Alert[];
  readonly resolved: readonly Alert[];
}

const same = (a: Alert, b: Alert) =>
  a.state === b.state &&
  a.lastSeen === b.lastSeen &&
  a.severity === b.severity &&
  a.measure === b.measure &&
  a.snoozedUntil === b.snoozedUntil &&
  canonical(a.figures) === canonical(b.figures);

/** Figures compared by content (a store may give the keys back in another order). */
const canonical = (f: Figures): string =>
  JSON.stringify(
    Object.keys(f)
      .sort()
      .map((k) => [k, f[k]]),
  );

function fresh(c: AlertCondition, asOf: BusinessDate): Alert {
  return {
    key: c.key,
    rule: c.rule,
    buyerId: c.buyerId,
    ...(c.document !== undefined ? { document: c.document } : {}),
    severity: c.severity,
    figures: c.figures,
    measure: c.measure,
    state: 'open',
    firstSeen: asOf,
    lastSeen: asOf,
  };
}

/**
 * The lifecycle (pure): the alerts recorded so far and the conditions of `asOf` give what to write. A condition
 * without an alert (or whose alert was resolved when it cleared) opens one; one that persists updates it (a
 * snoozed alert wakes after its date or when it worsens, an acknowledged one when it worsens; a manually resolved
 * one stays resolved unless it worsens); an alert whose condition is gone is resolved (`cleared`). Evaluating the
 * same date again changes nothing; alerts last seen after `asOf` (a later date was evaluated) are left alone.
 */
export function reconcileAlerts(
  previous: readonly Alert[],
  conditions: readonly AlertCondition[],
  asOf: BusinessDate,
): AlertChanges {
  const byKey = new Map(previous.map((a) => [a.key, a]));
  const seen = new Set<string>();
  const opened: Alert[] = [];
  const updated: Alert[] = [];
  const resolved: Alert[] = [];
  for (const c of conditions) {
    seen.add(c.key);
    const a = byKey.get(c.key);
    if (a !== undefined && a.lastSeen > asOf) continue;
    if (a === undefined || (a.state === 'resolved' && a.resolution === 'cleared')) {
      opened.push(fresh(c, asOf));
      continue;
    }
    const worse = worsened(a, c);
    const base = { ...a, severity: c.severity, figures: c.figures, measure: c.measure, lastSeen: asOf };
    if (a.state === 'resolved') {
      if (worse) opened.push(reopen(base));
      continue;
    }
    const wakes =
      (a.state === 'snoozed' && (worse || (a.snoozedUntil !== undefined && asOf > a.snoozedUntil))) ||
      (a.state === 'acknowledged' && worse);
    if (wakes) opened.push(reopen(base));
    else if (!same(a, base)) updated.push(base);
  }
  for (const a of previous)
    if (!seen.has(a.key) && a.state !== 'resolved' && a.lastSeen <= asOf)
      resolved.push({ ...stripSnooze(a), state: 'resolved', resolution: 'cleared', resolvedOn: asOf });
    else if (!seen.has(a.key) && a.state === 'resolved' && a.resolution === 'manual' && a.lastSeen <= asOf)
      // Its condition is gone: the next time it holds is a new alert.
      updated.push({ ...a, resolution: 'cleared' });
  return { opened, updated, resolved };
}

function stripSnooze(a: Alert): Alert {
  const { snoozedUntil: _, ...rest } = a;
  return rest;
}

function reopen(a: Alert): Alert {
  const { snoozedUntil: _s, resolution: _r, resolvedOn: _o, note: _n, ...rest } = a;
  return { ...rest, state: 'open' };
}

/** What a person does to an alert: acknowledge it, snooze it until a date, resolve it with a note. */
export type AlertDecision =
  | { readonly action: 'ack' }
  | { readonly action: 'snooze'; readonly until: BusinessDate }
  | { readonly action: 'resolve'; readonly note: string };

/** Applies a person's decision; a resolved alert takes none (`undefined`), nor a snooze that ends before today. */
export function decideAlert(a: Alert, d: AlertDecision, today: BusinessDate): Alert | undefined {
  if (a.state === 'resolved') return undefined;
  const rest = stripSnooze(a);
  switch (d.action) {
    case 'ack':
      return { ...rest, state: 'acknowledged' };
    case 'snooze':
      return d.until < today ? undefined : { ...rest, state: 'snoozed', snoozedUntil: d.until };
    case 'resolve':
      return { ...rest, state: 'resolved', resolution: 'manual', resolvedOn: today, note: d.note };
  }
}
