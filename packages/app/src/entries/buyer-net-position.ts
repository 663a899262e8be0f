import { type BusinessDate, type NetPosition, netPosition, type OpenItem } from '@credence/core';
import type { LedgerReads, UnappliedPayment } from '../ports';

export interface BuyerNetPosition extends NetPosition {
  /** The buyer's open items before netting (credit notes included). */
  readonly gross: readonly OpenItem[];
  /** The buyer's payments with cash not applied, what is left of each. */
  readonly payments: readonly UnappliedPayment[];
}

/**
 * What one buyer owes as of a date: its open items less its open credit notes and unapplied cash, set off
 * against its oldest invoices first (core `netPosition`, the rule dunning uses).
 */
export async function buyerNetPosition(
  store: LedgerReads,
  buyerId: string,
  asOf: BusinessDate,
): Promise<BuyerNetPosition> {
  const [gross, payments] = await Promise.all([
    store.buyerOpenItems(buyerId, asOf),
    store.unappliedPayments(buyerId, asOf),
  ]);
  return netPositionOf(gross, payments);
}

/** `buyerNetPosition` from the buyer's open items and unapplied payments as of the date, read before. */
export function netPositionOf(gross: readonly OpenItem[], payments: readonly UnappliedPayment[]): BuyerNetPosition {
  const cash = payments.map((p) => ({
    kind: 'unapplied_cash' as const,
    reference: p.id,
    date: p.date,
    currency: p.currency,
    amount: p.unapplied,
  }));
  return { ...netPosition(gross, cash), gross, payments };
}
