import type { BusinessDate, CurrencyCode, OpenItem } from '@credence/core';
import { netPositionOf } from '../entries/buyer-net-position';
import type { LedgerReads } from '../ports';
import type { PortfolioBuyer, PortfolioFilter } from './ports';

/** One buyer of the portfolio with what it owes: its net items and what is left of its credits. */
export interface NetBuyer extends Omit<PortfolioBuyer, 'items' | 'payments'> {
  /** What is still owed of each invoice once its credits are set off (the aging's items), oldest due first. */
  readonly items: readonly OpenItem[];
  readonly creditBalance: readonly { readonly currency: CurrencyCode; readonly amount: bigint }[];
}

/**
 * The portfolio's buyers as of a date, each at its net position (the rule of the aging, `netPositionOf`):
 * a buyer without credit notes or unapplied cash owes its own open items; the others are set off here.
 */
export async function netPortfolio(
  store: Pick<LedgerReads, 'portfolioPositions'>,
  asOf: BusinessDate,
  filter: PortfolioFilter = {},
): Promise<NetBuyer[]> {
  const buyers = await store.portfolioPositions(asOf, filter);
  return buyers.map(({ items, payments, ...head }) => {
    if (payments.length === 0 && items.every((i) => i.open > 0n)) return { ...head, items, creditBalance: [] };
    const net = netPositionOf(items, payments);
    return { ...head, items: net.items, creditBalance: net.creditBalance };
  });
}

/** Money per currency, in currency order. */
export function sumsByCurrency(xs: Iterable<{ currency: CurrencyCode; amount: bigint }>) {
  const m = new Map<CurrencyCode, bigint>();
  for (const x of xs) m.set(x.currency, (m.get(x.currency) ?? 0n) + x.amount);
  return [...m]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}
