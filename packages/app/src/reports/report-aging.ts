import {
  type AgingReport,
  agingReports,
  type BucketCell,
  type BusinessDate,
  bucketCells,
  bucketSet,
  type CurrencyCode,
  convertParts,
  type FxRate,
  ok,
  type Result,
} from '@credence/core';
import { netPositionOf } from '../entries/buyer-net-position';
import type { AgingPositions, LedgerReads } from '../ports';
import { buyerNames } from './buyer-names';

export interface AgingQuery {
  readonly asOf: BusinessDate;
  /** Upper bounds of the overdue buckets; default 30,60,90,180,365. */
  readonly bounds?: readonly number[];
  readonly byBuyer?: boolean;
  /** Adds a total converted into this currency with the FX rates in force on `asOf`. */
  readonly reportingCurrency?: CurrencyCode;
  /** With `byBuyer`, also give the names of the buyers listed (`buyerNames`). */
  readonly withBuyerNames?: boolean;
}

export interface AgingResult {
  readonly asOf: BusinessDate;
  readonly labels: readonly string[];
  /** One report per currency (and per buyer with `byBuyer`). */
  readonly reports: readonly AgingReport[];
  /** Cash received but not applied to any document, per currency (set off in the aging, as credit notes are). */
  readonly unappliedCash: readonly { currency: CurrencyCode; amount: bigint }[];
  /**
   * What is left of buyers' credits (credit notes, unapplied cash) after all their invoices of the currency,
   * per currency (and buyer with `byBuyer`): a balance in the buyers' favour, not negative aging.
   */
  readonly creditBalance: readonly { currency: CurrencyCode; buyerId?: string; amount: bigint }[];
  readonly reporting?: { readonly currency: CurrencyCode; readonly buckets: readonly bigint[]; readonly total: bigint };
  /** Buyer id → name of the buyers in `reports` and `creditBalance`, with `byBuyer` and `withBuyerNames`. */
  readonly buyerNames?: Readonly<Record<string, string>>;
}

/**
 * Portfolio or per-buyer aging as of a date, per currency, optionally with a reporting-currency total. The
 * aging is of the buyers' net positions (`netPositionOf`, the rule of `buyerNetPosition`): a buyer's open
 * credit notes and unapplied cash reduce that buyer's oldest invoices, and what is left of them is its credit
 * balance. One read (`agingPositions`) gives the cells of the buyers without credits, which net to their own
 * items, and the items and unapplied payments of the buyers with credits, whose net items are bucketed here.
 */
export async function reportAging(store: LedgerReads, q: AgingQuery): Promise<Result<AgingResult>> {
  const set = bucketSet(q.bounds);
  if (!set.ok) return set;
  const read = await store.agingPositions(q.asOf, set.value.bounds, q.byBuyer ?? false);
  const rates = q.reportingCurrency !== undefined ? await store.fxRates() : [];
  return agingOf(store, read, q, rates);
}

/**
 * The aging of what `agingPositions` read as of `q.asOf` (`reportAging` without its reads: the aging trend reads
 * all its dates at once and ages each here); the rates are read only with a reporting currency.
 */
export async function agingOf(
  store: Pick<LedgerReads, 'findBuyers'>,
  read: AgingPositions,
  q: AgingQuery,
  rates: readonly FxRate[],
): Promise<Result<AgingResult>> {
  const set = bucketSet(q.bounds);
  if (!set.ok) return set;
  const byBuyer = q.byBuyer ?? false;
  const unapplied = read.unappliedCash;
  const cells: BucketCell[] = [...read.cells];
  const creditBalance: { currency: CurrencyCode; buyerId?: string; amount: bigint }[] = [];
  for (const { buyerId, items, payments } of read.creditors) {
    const net = netPositionOf(items, payments);
    // The gross cells in and out again: a currency whose items are all netted away keeps its (empty) report.
    for (const c of bucketCells(net.gross, q.asOf, set.value, byBuyer))
      cells.push(c, { ...c, amount: -c.amount, count: -c.count });
    cells.push(...bucketCells(net.items, q.asOf, set.value, byBuyer));
    for (const b of net.creditBalance) creditBalance.push({ ...b, ...(byBuyer ? { buyerId } : {}) });
  }
  const reports = agingReports(cells, q.asOf, set.value).filter((r) => !byBuyer || r.count !== 0);
  if (!byBuyer) {
    // A currency with nothing open but cash on account still gets its (empty) report, so the cash shows.
    for (const u of unapplied) {
      if (u.amount === 0n || reports.some((r) => r.currency === u.currency)) continue;
      const buckets = set.value.labels.map((label) => ({ label, amount: 0n, count: 0 }));
      reports.push({ asOf: q.asOf, currency: u.currency, buckets, total: 0n, count: 0 });
    }
    reports.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  }
  const perCurrency = new Map<CurrencyCode, bigint>();
  for (const u of unapplied) perCurrency.set(u.currency, (perCurrency.get(u.currency) ?? 0n) + u.amount);
  const unappliedCash = [...perCurrency].map(([currency, amount]) => ({ currency, amount }));
  unappliedCash.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  const balances = byBuyer ? creditBalance : perCurrencyOf(creditBalance);
  const names =
    byBuyer && q.withBuyerNames
      ? await buyerNames(
          store,
          [...reports, ...creditBalance].map((r) => r.buyerId ?? ''),
        )
      : undefined;
  const base = {
    asOf: q.asOf,
    labels: set.value.labels,
    reports,
    unappliedCash,
    creditBalance: balances,
    ...(names ? { buyerNames: names } : {}),
  };
  if (q.reportingCurrency === undefined) return ok(base);
  const to = q.reportingCurrency;
  const buckets = set.value.labels.map(() => 0n);
  for (const r of reports) {
    const c = convertParts(
      r.buckets.map((b) => b.amount),
      r.currency,
      to,
      rates,
      q.asOf,
    );
    if (!c.ok) return c;
    c.value.parts.forEach((p, i) => {
      buckets[i] = (buckets[i] ?? 0n) + p;
    });
  }
  return ok({ ...base, reporting: { currency: to, buckets, total: buckets.reduce((s, x) => s + x, 0n) } });
}

function perCurrencyOf(xs: readonly { currency: CurrencyCode; amount: bigint }[]) {
  const m = new Map<CurrencyCode, bigint>();
  for (const x of xs) m.set(x.currency, (m.get(x.currency) ?? 0n) + x.amount);
  return [...m]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
