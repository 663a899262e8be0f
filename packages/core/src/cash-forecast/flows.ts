import { addDays, type BusinessDate, daysBetween, maxDate } from '../calendar';
import type { Instalment } from '../collections/events';
import { type Fraction, times } from '../ecl/loss-rate';
import type { CurrencyCode } from '../money/currency';
import { type CashForecastParams, collectionProbability } from './params';

export type CashSource = 'promise' | 'plan' | 'predicted' | 'indemnity';
export const CASH_SOURCES: readonly CashSource[] = ['promise', 'plan', 'predicted', 'indemnity'];

/** An expected receipt: an amount in its own currency, the chance it comes at all, and its equally likely dates. */
export interface CashFlow {
  /** The item number, promise id, plan id + instalment date, or claim's policy/buyer. */
  readonly key: string;
  readonly source: CashSource;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly amount: bigint;
  readonly probability: Fraction;
  /** Equally likely payment dates (one for a promise, an instalment, an indemnity), none before the as-of date. */
  readonly dates: readonly BusinessDate[];
}

/** An open invoice at the buyer's net position, with its predicted payment dates (model or baseline). */
export interface CashItem {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly dueDate: BusinessDate;
  /** What is open, > 0. */
  readonly open: bigint;
  /** Equally likely payment dates from the payment-date model's residuals (or the baseline's spread). */
  readonly predicted: readonly BusinessDate[];
}

export interface CashPromise {
  readonly id: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly amount: bigint;
  readonly promisedDate: BusinessDate;
  /** Empty: every open item of the buyer in the currency. */
  readonly documents: readonly string[];
}

export interface CashPlan {
  readonly id: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly documents: readonly string[];
  readonly instalments: readonly Instalment[];
}

export interface ExpectedIndemnity {
  readonly key: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly amount: bigint;
  readonly date: BusinessDate;
}

export interface CashInputs {
  readonly asOf: BusinessDate;
  readonly items: readonly CashItem[];
  /** Promises open as of the date. */
  readonly promises: readonly CashPromise[];
  /** Payment plans active as of the date. */
  readonly plans: readonly CashPlan[];
  readonly indemnities: readonly ExpectedIndemnity[];
  /** Promises each buyer broke within the parameters' window before the date. */
  readonly brokenPromises: ReadonlyMap<string, number>;
}

const byDate = (a: Instalment, b: Instalment) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The instalments not paid yet: the plan's total less what is open counts as paid, oldest instalments first. */
export function instalmentsLeft(instalments: readonly Instalment[], openNow: bigint): Instalment[] {
  const total = instalments.reduce((s, i) => s + i.amount, 0n);
  let paid = total - openNow;
  const out: Instalment[] = [];
  for (const i of [...instalments].sort(byDate)) {
    const covered = paid >= i.amount ? i.amount : paid > 0n ? paid : 0n;
    paid -= covered;
    if (i.amount - covered > 0n) out.push({ date: i.date, amount: i.amount - covered });
  }
  return out;
}

/**
 * The expected receipts as of a date, in this order of precedence (docs/domain/cash-forecast.md): an open
 * promise takes its amount from the items it covers (oldest due first) on its promised date; an active plan's
 * unpaid instalments take theirs from its documents on their dates; what is left of each item is expected on
 * its predicted dates, with a chance that falls with days overdue and with the buyer's broken promises; open
 * claims' indemnities on their due dates.
 */
export function cashFlows(x: CashInputs, p: CashForecastParams): CashFlow[] {
  const left = new Map(x.items.map((i) => [i.number, i.open]));
  const items = [...x.items].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1,
  );
  const broken = (b: string) => x.brokenPromises.get(b) ?? 0;
  const take = (covered: readonly CashItem[], amount: bigint): bigint => {
    let want = amount;
    for (const it of covered) {
      if (want === 0n) break;
      const l = left.get(it.number) ?? 0n;
      const t = l < want ? l : want;
      left.set(it.number, l - t);
      want -= t;
    }
    return amount - want;
  };
  const out: CashFlow[] = [];
  for (const pr of x.promises) {
    const docs = new Set(pr.documents);
    const covered = items.filter(
      (i) => i.buyerId === pr.buyerId && i.currency === pr.currency && (docs.size === 0 || docs.has(i.number)),
    );
    const amount = take(covered, pr.amount);
    if (amount === 0n) continue;
    let prob = p.promiseKept;
    for (let k = 0; k < broken(pr.buyerId); k++) prob = times(prob, p.brokenPromiseFactor);
    out.push({
      key: pr.id,
      source: 'promise',
      buyerId: pr.buyerId,
      currency: pr.currency,
      amount,
      probability: prob,
      dates: [maxDate(pr.promisedDate, x.asOf)],
    });
  }
  for (const pl of x.plans) {
    const docs = new Set(pl.documents);
    const covered = items.filter((i) => i.buyerId === pl.buyerId && i.currency === pl.currency && docs.has(i.number));
    const openNow = covered.reduce((s, i) => s + i.open, 0n);
    for (const inst of instalmentsLeft(pl.instalments, openNow)) {
      const amount = take(covered, inst.amount);
      if (amount === 0n) continue;
      out.push({
        key: `${pl.id}@${inst.date}`,
        source: 'plan',
        buyerId: pl.buyerId,
        currency: pl.currency,
        amount,
        probability: p.planInstalment,
        dates: [maxDate(inst.date, x.asOf)],
      });
    }
  }
  for (const it of x.items) {
    const amount = left.get(it.number) ?? 0n;
    if (amount <= 0n) continue;
    const overdue = daysBetween(it.dueDate, x.asOf);
    out.push({
      key: it.number,
      source: 'predicted',
      buyerId: it.buyerId,
      currency: it.currency,
      amount,
      probability: collectionProbability(p, overdue, broken(it.buyerId)),
      dates: it.predicted.length > 0 ? it.predicted.map((d) => maxDate(d, x.asOf)) : [maxDate(it.dueDate, x.asOf)],
    });
  }
  for (const ind of x.indemnities) {
    if (ind.amount <= 0n) continue;
    out.push({
      key: ind.key,
      source: 'indemnity',
      buyerId: ind.buyerId,
      currency: ind.currency,
      amount: ind.amount,
      probability: p.indemnity,
      dates: [maxDate(ind.date, x.asOf)],
    });
  }
  return out;
}

/** A promise counts as broken in the window when it was found broken within `days` before the date. */
export const brokenInWindow = (settledOn: BusinessDate, asOf: BusinessDate, days: number): boolean =>
  settledOn <= asOf && settledOn > addDays(asOf, -days);
