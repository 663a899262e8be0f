import {
  addDays,
  addMonths,
  type BehaviourSums,
  type BusinessDate,
  type Buyer,
  type CurrencyCode,
  collectionsState,
  convert,
  type FxRate,
  type GradeOverrideEvent,
  type HoldEvent,
  holdInForce,
  type LimitEvent,
  limitState,
  money,
  overrideInForce,
  reviewPlan,
  securitiesOf,
  securityInForce,
} from '@credence/core';
import type { MonitoredBuyer, PaymentWindow, PortfolioState } from '@credence/core/monitoring';
import type { LedgerReads, RecordedGrade } from '../ports';
import { netPortfolio } from '../reports/net-portfolio';
import { type CountryRisk, countryRiskOf } from './country-risk-state';
import type { MonitoringReads, PartialSettlements } from './ports';

/** The reads the portfolio state is made of: each one query (or two) for every buyer at once. */
export type PortfolioStateReads = Pick<
  LedgerReads,
  | 'listBuyers'
  | 'portfolioPositions'
  | 'fxRates'
  | 'limitEventsUpTo'
  | 'collectionEvents'
  | 'allSecurityEvents'
  | 'insuranceEvents'
  | 'insurancePolicies'
> &
  Pick<MonitoringReads, 'monitoringFacts' | 'behaviourWindows' | 'countryRisks'>;

/** The portfolio as monitoring sees it, with each buyer's record and whether it is on hold. */
export interface MonitoredPortfolio {
  readonly state: PortfolioState;
  readonly buyers: ReadonlyMap<string, Buyer>;
  readonly holds: ReadonlyMap<string, readonly HoldEvent[]>;
}

/** How long the recent window of payment behaviour is, and the trailing baseline before it. */
export const RECENT_DAYS = 90;
export const TRAILING_DAYS = 365;

const groupBy = <T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list === undefined) m.set(k, [x]);
    else list.push(x);
  }
  return m;
};

/** A buyer's window over every currency it settled in (amount-weighted days beyond terms, share late). */
function window(rows: readonly BehaviourSums[] | undefined): PaymentWindow | undefined {
  if (rows === undefined || rows.length === 0) return undefined;
  const amount = rows.reduce((s, r) => s + r.settledAmount, 0n);
  const late = rows.reduce((s, r) => s + r.amountTimesDaysLate, 0n);
  const settlements = rows.reduce((s, r) => s + r.settlements, 0);
  const lateSettlements = rows.reduce((s, r) => s + r.lateSettlements, 0);
  if (settlements === 0) return undefined;
  return {
    settlements,
    dbt: amount > 0n ? Math.round((Number(late) / Number(amount)) * 10) / 10 : 0,
    lateShare: Math.round((lateSettlements / settlements) * 1000) / 10,
  };
}

const weighted = (w: PaymentWindow | undefined) => w?.dbt;

/**
 * Every buyer's monitored state as of a date, in a fixed number of queries whatever the number of buyers:
 * buyers, positions (net, as the aging), rates, limits, four behaviour windows, collection events and the
 * monitoring facts (grades, holds, external grades, first invoices, last decisions). Figures are in the limit's
 * currency (else the buyer's); concentration in the base currency (given, else the one most buyers have) at the
 * rates of the date.
 */
export async function readPortfolioState(
  store: PortfolioStateReads,
  asOf: BusinessDate,
  base: CurrencyCode | undefined,
): Promise<MonitoredPortfolio> {
  const next = addDays(asOf, 1);
  const recentFrom = addDays(next, -RECENT_DAYS);
  const trailingFrom = addDays(recentFrom, -TRAILING_DAYS);
  const [buyers, positions, rates, limits, behaviour, events, facts, securities, insurance, countries] =
    await Promise.all([
      store.listBuyers(),
      netPortfolio(store, asOf),
      store.fxRates(),
      store.limitEventsUpTo(asOf),
      // The recent window and the trailing one before it, this year and last year: one read of the ledger.
      store.behaviourWindows([
        { from: recentFrom, to: asOf },
        { from: trailingFrom, to: addDays(recentFrom, -1) },
        { from: addMonths(next, -12), to: asOf },
        { from: addMonths(next, -24), to: addDays(addMonths(next, -12), -1) },
      ]),
      store.collectionEvents(),
      store.monitoringFacts(asOf),
      store.allSecurityEvents(),
      insurerLimits(store, asOf),
      // Each buyer country's risk class now and at the start of the look-back window: one small query.
      countryRiskOf(store, asOf),
    ]);
  const [recent, trailing, thisYear, lastYear] = [0, 1, 2, 3].map((k) => behaviour[k]?.sums ?? []) as [
    readonly BehaviourSums[],
    readonly BehaviourSums[],
    readonly BehaviourSums[],
    readonly BehaviourSums[],
  ];
  const [recentPartial, trailingPartial] = [behaviour[0]?.partial ?? [], behaviour[1]?.partial ?? []];
  const partialOf = (rows: readonly PartialSettlements[]) =>
    new Map(rows.map((r) => [r.buyerId, Math.round((r.partial / r.settlements) * 1000) / 10]));
  const [recentPartialOf, trailingPartialOf] = [partialOf(recentPartial), partialOf(trailingPartial)];
  const baseCurrency = base ?? commonCurrency(buyers);
  const pos = new Map(positions.map((p) => [p.buyerId, p]));
  const limitsOf = groupBy(limits, (e: LimitEvent) => e.buyerId);
  const [recentOf, trailingOf, thisYearOf, lastYearOf] = [recent, trailing, thisYear, lastYear].map((rows) =>
    groupBy(rows, (r) => r.buyerId),
  ) as [
    Map<string, BehaviourSums[]>,
    Map<string, BehaviourSums[]>,
    Map<string, BehaviourSums[]>,
    Map<string, BehaviourSums[]>,
  ];
  const gradesOf = groupBy(facts.grades, (g) => g.buyerId);
  const overridesOf = groupBy(facts.overrides, (o) => o.buyerId);
  const securitiesByBuyer = groupBy(
    securitiesOf(securities.filter((e) => e.recordedOn <= asOf)).filter(
      (x) => securityInForce(x, asOf) && x.expiresOn !== undefined,
    ),
    (x) => x.buyerId,
  );
  const holdsOf = groupBy(facts.holds, (h) => h.buyerId);
  const externalOf = groupBy(facts.externalGrades, (g) => g.buyerId);
  const firstOf = new Map(facts.firstInvoices.map((x) => [x.buyerId, x.on]));
  const decidedOf = new Map(facts.lastDecisions.map((x) => [x.buyerId, x.on]));
  const collections = collectionsState(events.filter((e) => e.event.date <= asOf).map((e) => e.event));
  const promisesOf = groupBy([...collections.promises.values()], (p) => p.buyerId);
  const plansOf = groupBy([...collections.plans.values()], (p) => p.buyerId);
  const disputesOf = groupBy([...collections.disputes.values()], (d) => d.buyerId);
  // Each pair's rates of the date or before, picked once (convert reads only those: the same rate is found).
  const pairRates = new Map<string, FxRate[]>();
  const ratesOf = (from: CurrencyCode, to: CurrencyCode): FxRate[] => {
    const k = from < to ? `${from}|${to}` : `${to}|${from}`;
    let list = pairRates.get(k);
    if (list === undefined) {
      list = rates.filter(
        (r) => r.date <= asOf && ((r.from === from && r.to === to) || (r.from === to && r.to === from)),
      );
      pairRates.set(k, list);
    }
    return list;
  };
  const toCurrency = (amount: bigint, from: CurrencyCode, to: CurrencyCode): bigint => {
    if (from === to) return amount;
    const c = convert(money(amount, from), to, ratesOf(from, to), asOf);
    if (!c.ok) throw new Error(`no rate ${from}→${to} on ${asOf}`);
    return c.value.amount;
  };
  const out: MonitoredBuyer[] = [];
  for (const b of buyers) {
    const p = pos.get(b.id);
    const limit = limitState(limitsOf.get(b.id) ?? [], asOf);
    const currency = limit.current?.currency ?? limit.expired?.currency ?? b.currency;
    const parts = [
      ...(p?.items ?? []).map((i) => ({ amount: i.open, currency: i.currency })),
      ...(p?.creditBalance ?? []).map((c) => ({ amount: -c.amount, currency: c.currency })),
    ];
    const exposure = parts.reduce((s, x) => s + toCurrency(x.amount, x.currency, currency), 0n);
    const baseExposure = parts.reduce((s, x) => s + toCurrency(x.amount, x.currency, baseCurrency), 0n);
    const open = new Map((p?.items ?? []).map((i) => [i.number, toCurrency(i.open, i.currency, currency)]));
    const { grade, previousGrade } = effectiveGrades(gradesOf.get(b.id) ?? [], overridesOf.get(b.id) ?? [], asOf);
    const sources = groupBy(externalOf.get(b.id) ?? [], (g) => g.source);
    const first = firstOf.get(b.id);
    const lastReview = decidedOf.get(b.id);
    const thisY = weighted(window(thisYearOf.get(b.id)));
    const lastY = weighted(window(lastYearOf.get(b.id)));
    const plan = reviewPlan(
      {
        ...(grade ? { tier: grade.tier } : {}),
        ...(first ? { firstInvoice: first } : {}),
        ...(lastReview ? { lastReview } : {}),
        ...(thisY !== undefined ? { lateDaysThisYear: thisY } : {}),
        ...(lastY !== undefined ? { lateDaysLastYear: lastY } : {}),
      },
      asOf,
    );
    const insured = insurance.get(b.id);
    const withPartial = (w: PaymentWindow | undefined, share: number | undefined) =>
      w === undefined ? undefined : share === undefined ? w : { ...w, partialShare: share };
    const recentW = withPartial(window(recentOf.get(b.id)), recentPartialOf.get(b.id));
    const trailingW = withPartial(window(trailingOf.get(b.id)), trailingPartialOf.get(b.id));
    out.push({
      buyerId: b.id,
      country: b.country,
      ...(b.groupId !== undefined ? { groupId: b.groupId } : {}),
      currency,
      ...(grade ? { grade } : {}),
      ...(previousGrade ? { previousGrade } : {}),
      exposure,
      baseExposure,
      ...(limit.current
        ? {
            limit: {
              amount: limit.current.amount,
              kind: limit.current.kind,
              ...(limit.current.expiresOn ? { expiresOn: limit.current.expiresOn } : {}),
            },
          }
        : {}),
      ...(limit.expired ? { limitExpired: { amount: limit.expired.amount, expiredOn: limit.expired.expiredOn } } : {}),
      overdueItems: (p?.items ?? [])
        .filter((i) => i.open > 0n && i.dueDate < asOf)
        .map((i) => ({ number: i.number, dueDate: i.dueDate, open: toCurrency(i.open, i.currency, currency) })),
      ...(recentW ? { recent: recentW } : {}),
      ...(trailingW ? { trailing: trailingW } : {}),
      promisesBroken: (promisesOf.get(b.id) ?? [])
        .filter((x) => x.status === 'broken' && x.settledOn !== undefined)
        .map((x) => ({ id: x.id, on: x.settledOn as BusinessDate })),
      plansBroken: (plansOf.get(b.id) ?? [])
        .filter((x) => x.status === 'broken' && x.endedOn !== undefined)
        .map((x) => ({ id: x.id, on: x.endedOn as BusinessDate })),
      disputes: (disputesOf.get(b.id) ?? [])
        .filter((d) => d.resolution === undefined)
        .map((d) => ({
          id: d.id,
          openedOn: d.date,
          amount: d.documents.reduce((s, n) => s + (open.get(n) ?? 0n), 0n),
        })),
      external: [...sources].map(([source, gs]) => {
        const last = gs.at(-1) as (typeof gs)[number];
        const before = gs.length > 1 ? gs.at(-2) : undefined;
        return {
          source: source as 'insurer' | 'bureau',
          value: last.value,
          date: last.date,
          ...(before ? { previous: before.value } : {}),
        };
      }),
      ...(insured !== undefined ? { insurerLimit: insured } : {}),
      securities: (securitiesByBuyer.get(b.id) ?? []).map((x) => ({
        id: x.securityId,
        kind: x.kind,
        expiresOn: x.expiresOn as BusinessDate,
        amount: x.amount ?? 0n,
        currency: x.currency ?? currency,
      })),
      ...(countries.has(b.country) ? { countryRisk: countries.get(b.country) as CountryRisk } : {}),
      // A review is watched while the buyer owes something (a dormant account is reviewed when it orders).
      ...(plan.due && exposure > 0n ? { review: { due: true, nextReview: plan.nextReview } } : {}),
    });
  }
  return {
    state: { asOf, baseCurrency, buyers: out },
    buyers: new Map(buyers.map((b) => [b.id, b])),
    holds: new Map(buyers.map((b) => [b.id, holdsOf.get(b.id) ?? []])),
  };
}

/** The currency most buyers have (the first in code order on a tie; EUR for none): the default base. */
function commonCurrency(buyers: readonly Buyer[]): CurrencyCode {
  const n = new Map<CurrencyCode, number>();
  for (const b of buyers) n.set(b.currency, (n.get(b.currency) ?? 0) + 1);
  const best = [...n].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0];
  return best?.[0] ?? ('EUR' as CurrencyCode);
}

export const onHold = (events: readonly HoldEvent[] | undefined, asOf: BusinessDate): HoldEvent | undefined =>
  holdInForce(events ?? [], asOf);

type Point = NonNullable<MonitoredBuyer['grade']>;

/**
 * The grade in force now and the one before (what `grade_worsened` compares): a credit manager's override in force
 * is the grade (as `gradeInForce` reads it), else the latest recorded grade; before it, the override in force the
 * day before, else the latest recorded grade dated before.
 */
export function effectiveGrades(
  recorded: readonly RecordedGrade[],
  overrides: readonly GradeOverrideEvent[],
  asOf: BusinessDate,
): { grade?: Point; previousGrade?: Point } {
  const fromRecorded = (g: RecordedGrade): Point => ({
    grade: g.grade.grade,
    pd: g.grade.pd,
    tier: g.grade.tier,
    asOf: g.asOf,
  });
  const at = (day: BusinessDate, before: boolean): Point | undefined => {
    const o = overrideInForce(overrides, day);
    if (o !== undefined) return { grade: o.grade, pd: o.pd, tier: o.tier, asOf: o.recordedOn };
    const r = recorded.filter((g) => (before ? g.asOf < day : g.asOf <= day)).at(-1);
    return r === undefined ? undefined : fromRecorded(r);
  };
  const grade = at(asOf, false);
  if (grade === undefined) return {};
  const previousGrade = at(addDays(grade.asOf, -1), false) ?? at(grade.asOf, true);
  return previousGrade === undefined || (previousGrade.asOf === grade.asOf && previousGrade.grade === grade.grade)
    ? { grade }
    : { grade, previousGrade };
}

/**
 * Each insured buyer's insurer limit as of the date and the one before it (approved or reduced: its amount;
 * withdrawn: zero), in its insurance policy's currency: two queries for the whole portfolio.
 */
async function insurerLimits(
  store: Pick<LedgerReads, 'insuranceEvents' | 'insurancePolicies'>,
  asOf: BusinessDate,
): Promise<Map<string, NonNullable<MonitoredBuyer['insurerLimit']>>> {
  const [events, policies] = await Promise.all([store.insuranceEvents(), store.insurancePolicies()]);
  const currencyOf = new Map(
    policies.map((p) => [p.policyNumber, (p.body as { currency?: string } | null)?.currency as CurrencyCode]),
  );
  const decisions = events
    .filter(
      (e) =>
        e.date <= asOf && (e.kind === 'limit_approved' || e.kind === 'limit_reduced' || e.kind === 'limit_withdrawn'),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const out = new Map<string, NonNullable<MonitoredBuyer['insurerLimit']>>();
  for (const [buyerId, list] of groupBy(decisions, (e) => e.buyerId)) {
    const last = list.at(-1);
    const before = list.at(-2);
    const currency = last === undefined ? undefined : currencyOf.get(last.policyNumber);
    if (last === undefined || before === undefined || currency === undefined) continue;
    const amountOf = (e: typeof last) => (e.kind === 'limit_withdrawn' ? 0n : (e.amount ?? 0n));
    out.set(buyerId, { amount: amountOf(last), previous: amountOf(before), currency, on: last.date });
  }
  return out;
}
