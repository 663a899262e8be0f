import { type Allocation, type BusinessDate, type CurrencyCode, type Payment, planAllocation } from '@credence/core';
import type { OpenInvoice } from '../ports';

interface Item {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  open: bigint;
}

/**
 * Open invoices kept in memory while a batch of payments is allocated, so a later payment sees what
 * earlier ones settled. Allocation itself is core's `planAllocation`: a payment naming a document
 * settles that document; otherwise the buyer's invoices in the payment's currency issued on or before
 * the payment date, oldest due first. What is left stays unapplied on the payment.
 */
export class OpenBalances {
  private readonly lists = new Map<string, Item[]>();
  private readonly byNumber = new Map<string, Item>();

  constructor(invoices: readonly OpenInvoice[]) {
    for (const inv of invoices) {
      const item: Item = { ...inv };
      this.byNumber.set(inv.number, item);
      const key = `${inv.buyerId}\u0000${inv.currency}`;
      const list = this.lists.get(key);
      if (list) list.push(item);
      else this.lists.set(key, [item]);
    }
  }

  /** Plans one payment, updates the balances and returns its allocation rows (kind 'payment', delta −x). */
  allocate(p: Payment): { allocations: Allocation[]; unapplied: bigint } {
    let candidates: Item[];
    if (p.documentNumber === undefined) {
      // Settled invoices are dropped here, when the buyer's list is next needed, not at each settlement.
      const key = `${p.buyerId}\u0000${p.currency}`;
      candidates = (this.lists.get(key) ?? []).filter((i) => i.open > 0n);
      this.lists.set(key, candidates);
    } else {
      const named = this.byNumber.get(p.documentNumber);
      candidates = named !== undefined && named.buyerId === p.buyerId && named.currency === p.currency ? [named] : [];
    }
    const plan = planAllocation(p, candidates);
    const allocations: Allocation[] = [];
    for (const a of plan.allocations) {
      const item = this.byNumber.get(a.documentNumber);
      if (item === undefined) throw new Error(`planned an unknown document ${a.documentNumber}`);
      item.open -= a.amount;
      allocations.push({
        kind: 'payment',
        entryId: p.id,
        documentNumber: a.documentNumber,
        buyerId: p.buyerId,
        date: a.date,
        delta: -a.amount,
        currency: p.currency,
      });
    }
    return { allocations, unapplied: plan.unapplied };
  }
}

/** Payments in the order they are allocated: by date, then id. */
export const byDateThenId = (a: Payment, b: Payment): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
