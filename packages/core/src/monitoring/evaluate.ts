import { type BusinessDate, daysBetween } from '../calendar';
import { type CurrencyCode, money, parseMoney, toDecimalString } from '../money';
import { type AlertAction, type AlertPolicy, type AlertRuleSet, type RuleId, rulesFor, type Severity } from './rules';
import type { MonitoredBuyer, PortfolioState } from './state';

export type Figures = { readonly [name: string]: string | number };

/**
 * A rule that holds for a buyer (or one of its documents) on a date, with the figures that made it fire.
 * `measure` says how bad it is in the rule's own unit (notches, days, minor units, basis points): a larger
 * measure is worse (see `worsened` in the lifecycle).
 */
export interface AlertCondition {
  readonly key: string;
  readonly rule: RuleId;
  readonly buyerId: string;
  readonly document?: string;
  readonly severity: Severity;
  readonly figures: Figures;
  readonly measure: bigint;
  readonly actions: readonly AlertAction[];
}

export const alertKey = (rule: RuleId, subject: string, document?: string): string =>
  document === undefined ? `${rule}:${subject}` : `${rule}:${subject}:${document}`;

const amount = (x: bigint, c: CurrencyCode) => toDecimalString(money(x, c));
/** A threshold given as a decimal in the buyer's currency, in minor units. */
const threshold = (text: string, c: CurrencyCode): bigint => {
  const m = parseMoney(text, c);
  if (!m.ok) throw new Error(`threshold ${text} in ${c}: ${JSON.stringify(m.error)}`);
  return m.value.amount;
};
/** Per cent with one decimal, rounded half up, from a ratio of non-negative bigints. */
const percentOf = (part: bigint, whole: bigint): number =>
  whole <= 0n ? 0 : Number((part * 2000n + whole) / (2n * whole)) / 10;
const within = (on: BusinessDate, asOf: BusinessDate, days: number) => on <= asOf && daysBetween(on, asOf) < days;

type Emit = (rule: RuleId, measure: bigint, figures: Figures, document?: string) => void;

/** The rules that look at one buyer alone. */
function buyerConditions(b: MonitoredBuyer, r: AlertRuleSet, asOf: BusinessDate, emit: Emit): void {
  const c = b.currency;
  const g = b.grade;
  const p = b.previousGrade;
  if (g !== undefined && p !== undefined && g.grade - p.grade >= r.grade_worsened.notches)
    emit('grade_worsened', BigInt(g.grade - p.grade), { from: p.grade, to: g.grade, since: p.asOf });
  if (g !== undefined && g.tier === 'high') emit('high_risk_tier', BigInt(g.grade), { grade: g.grade, tier: g.tier });
  if (g !== undefined && g.pd > r.pd_above.pd)
    emit('pd_above', BigInt(Math.round(g.pd * 10_000)), { pd: g.pd, threshold: r.pd_above.pd });
  const now = b.recent;
  const then = b.trailing;
  if (now !== undefined && then !== undefined && now.settlements >= r.dbt_drift.minSettlements) {
    const up = now.dbt - then.dbt;
    if (up >= r.dbt_drift.days) emit('dbt_drift', BigInt(Math.round(up)), { dbt: now.dbt, baseline: then.dbt, up });
  }
  if (now !== undefined && then !== undefined && now.settlements >= r.late_share_up.minSettlements) {
    const up = Math.round((now.lateShare - then.lateShare) * 10) / 10;
    if (up >= r.late_share_up.points)
      emit('late_share_up', BigInt(Math.round(up * 10)), { lateShare: now.lateShare, baseline: then.lateShare, up });
  }
  if (now?.partialShare !== undefined && now.partialShare > 0 && then?.partialShare === 0)
    emit('partial_payments', BigInt(Math.round(now.partialShare * 10)), { partialShare: now.partialShare });
  const l = b.limit;
  if (l !== undefined) {
    const figures = { limit: amount(l.amount, c), exposure: amount(b.exposure, c), currency: c };
    if (b.exposure > l.amount)
      emit('over_limit', b.exposure - l.amount, { ...figures, excess: amount(b.exposure - l.amount, c) });
    else if (l.amount > 0n && percentOf(b.exposure, l.amount) >= r.utilisation.percent)
      emit('utilisation', BigInt(Math.round(percentOf(b.exposure, l.amount) * 10)), {
        ...figures,
        utilisation: percentOf(b.exposure, l.amount),
      });
    if (l.kind === 'temporary' && l.expiresOn !== undefined) {
      const left = daysBetween(asOf, l.expiresOn);
      if (left <= r.temporary_limit_expiring.days)
        emit('temporary_limit_expiring', BigInt(r.temporary_limit_expiring.days - left), {
          expiresOn: l.expiresOn,
          daysLeft: left,
          limit: amount(l.amount, c),
          currency: c,
        });
    }
  }
  if (b.limitExpired !== undefined)
    emit('limit_expired', BigInt(daysBetween(b.limitExpired.expiredOn, asOf)), {
      expiredOn: b.limitExpired.expiredOn,
      limit: amount(b.limitExpired.amount, c),
      exposure: amount(b.exposure, c),
      currency: c,
    });
  // One alert per buyer for its items overdue beyond the policy (not one per invoice): how many, how much, the oldest.
  let overdue = 0n;
  let beyond = 0n;
  let count = 0;
  let oldest: MonitoredBuyer['overdueItems'][number] | undefined;
  for (const i of b.overdueItems) {
    overdue += i.open;
    if (daysBetween(i.dueDate, asOf) <= r.overdue_days.days) continue;
    beyond += i.open;
    count += 1;
    if (oldest === undefined || i.dueDate < oldest.dueDate) oldest = i;
  }
  // The measure is the amount: an item only grows older, and a day more is no reason to wake a snoozed alert.
  if (oldest !== undefined)
    emit('overdue_days', beyond, {
      items: count,
      open: amount(beyond, c),
      currency: c,
      daysOverdue: daysBetween(oldest.dueDate, asOf),
      oldest: oldest.number,
    });
  if (overdue > 0n && overdue >= threshold(r.overdue_amount.amount, c))
    emit('overdue_amount', overdue, { overdue: amount(overdue, c), threshold: r.overdue_amount.amount, currency: c });
  for (const x of b.promisesBroken)
    if (within(x.on, asOf, r.promise_broken.withinDays))
      emit('promise_broken', 1n, { promise: x.id, brokenOn: x.on }, x.id);
  for (const x of b.plansBroken)
    if (within(x.on, asOf, r.plan_broken.withinDays)) emit('plan_broken', 1n, { plan: x.id, brokenOn: x.on }, x.id);
  for (const d of b.disputes)
    if (within(d.openedOn, asOf, r.dispute_opened.withinDays) && d.amount >= threshold(r.dispute_opened.amount, c))
      emit(
        'dispute_opened',
        d.amount,
        { dispute: d.id, openedOn: d.openedOn, amount: amount(d.amount, c), currency: c },
        d.id,
      );
  const recent = b.disputes.filter((d) => within(d.openedOn, asOf, r.disputes_repeated.withinDays));
  if (recent.length >= r.disputes_repeated.count)
    emit('disputes_repeated', BigInt(recent.length), {
      disputes: recent.length,
      withinDays: r.disputes_repeated.withinDays,
    });
  for (const e of b.external)
    if (e.previous !== undefined && e.value - e.previous >= r.external_grade_worsened.notches)
      emit(
        'external_grade_worsened',
        BigInt(e.value - e.previous),
        { source: e.source, from: e.previous, to: e.value, on: e.date },
        e.source,
      );
  const il = b.insurerLimit;
  if (il !== undefined && il.amount < il.previous)
    emit('insurer_limit_reduced', il.previous - il.amount, {
      from: amount(il.previous, il.currency),
      to: amount(il.amount, il.currency),
      currency: il.currency,
      on: il.on,
      ...(il.amount === 0n ? { withdrawn: 'yes' } : {}),
    });
  for (const x of b.securities ?? [])
    if (x.expiresOn >= asOf && daysBetween(asOf, x.expiresOn) <= r.security_expiring.days)
      emit(
        'security_expiring',
        BigInt(r.security_expiring.days - daysBetween(asOf, x.expiresOn)),
        {
          security: x.id,
          kind: x.kind,
          expiresOn: x.expiresOn,
          daysLeft: daysBetween(asOf, x.expiresOn),
          amount: amount(x.amount, x.currency),
          currency: x.currency,
        },
        x.id,
      );
  const cr = b.countryRisk;
  if (cr !== undefined && cr.value > cr.previous)
    emit('country_risk_worsened', BigInt(cr.value - cr.previous), {
      country: b.country,
      from: cr.previous,
      to: cr.value,
    });
  if (b.review?.due === true)
    emit('review_overdue', BigInt(Math.max(0, daysBetween(b.review.nextReview, asOf))), {
      dueSince: b.review.nextReview,
    });
}

/** The concentration rules: a buyer's (or group's) share of the portfolio's receivables in the base currency. */
function concentration(
  s: PortfolioState,
  rules: (b: MonitoredBuyer) => AlertRuleSet,
  emit: (b: MonitoredBuyer) => Emit,
) {
  const total = s.buyers.reduce((t, b) => t + (b.baseExposure > 0n ? b.baseExposure : 0n), 0n);
  if (total <= 0n) return;
  const groups = new Map<string, MonitoredBuyer[]>();
  for (const b of s.buyers) {
    const share = percentOf(b.baseExposure, total);
    const r = rules(b);
    if (b.baseExposure > 0n && share > r.concentration.percent)
      emit(b)('concentration', BigInt(Math.round(share * 10)), {
        share,
        exposure: amount(b.baseExposure, s.baseCurrency),
        currency: s.baseCurrency,
      });
    if (b.groupId !== undefined) {
      const members = groups.get(b.groupId);
      if (members === undefined) groups.set(b.groupId, [b]);
      else members.push(b);
    }
  }
  for (const [group, members] of groups) {
    const sum = members.reduce((t, b) => t + b.baseExposure, 0n);
    // The group's alert is on its largest member (by exposure, then id), keyed by the group.
    const head = [...members].sort((a, b) =>
      a.baseExposure > b.baseExposure ? -1 : a.baseExposure < b.baseExposure ? 1 : a.buyerId < b.buyerId ? -1 : 1,
    )[0];
    if (head === undefined || members.length < 2 || sum <= 0n) continue;
    const share = percentOf(sum, total);
    if (share > rules(head).group_concentration.percent)
      emit(head)(
        'group_concentration',
        BigInt(Math.round(share * 10)),
        {
          group,
          buyers: members.length,
          share,
          exposure: amount(sum, s.baseCurrency),
          currency: s.baseCurrency,
        },
        `group:${group}`,
      );
  }
}

/**
 * Every alert condition of the portfolio as of its date, under the policy (each buyer's rules: its segment's):
 * a pure function of the state. Disabled rules, and rules whose data is absent, produce nothing. Sorted by key.
 */
export function evaluateAlerts(state: PortfolioState, policy: AlertPolicy): AlertCondition[] {
  const out: AlertCondition[] = [];
  const rules = (b: MonitoredBuyer) =>
    rulesFor(policy, { tier: b.grade?.tier, country: b.country, groupId: b.groupId });
  const emitFor =
    (b: MonitoredBuyer): Emit =>
    (rule, measure, figures, document) => {
      const r = rules(b)[rule];
      if (!r.enabled) return;
      const subject = rule === 'group_concentration' ? (document ?? b.buyerId) : b.buyerId;
      const doc = rule === 'group_concentration' ? undefined : document;
      out.push({
        key: rule === 'group_concentration' ? alertKey(rule, subject) : alertKey(rule, b.buyerId, doc),
        rule,
        buyerId: b.buyerId,
        ...(doc !== undefined ? { document: doc } : {}),
        severity: r.severity,
        figures,
        measure,
        actions: r.actions,
      });
    };
  for (const b of state.buyers) buyerConditions(b, rules(b), state.asOf, emitFor(b));
  concentration(state, rules, emitFor);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
