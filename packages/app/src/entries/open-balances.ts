import { type Allocation, type BusinessDate, type CurrencyCode, type Payment, planAllocation } from '@credence/core';
import type { Closing, OpenInvoice } from '../ports';

interface Item {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  open: bigint;
  /** The latest allocation date so far (stored rows and this batch's). */
  last: BusinessDate | undefined;
  /** The earliest allocation date so far (stored rows and this batch's). */
  first: BusinessDate | undefined;
  /** The earliest allocation date of the stored rows, as read. */
  readonly storedFirst: BusinessDate | undefined;
}

/**
 * Open invoices kept in memory while a batch of payments is allocated, so a later payment sees what
 * earlier ones settled. Allocation itself is core's `planAllocation`: a payment naming a document
 * settles that document; otherwise the buyer's invoices in the payment's currency issued on or before
 * the payment date, oldest due first. What is left stays unapplied on the payment. The invoices a batch
 * settles in full are kept with the date they close on (`closings`), so the store need not re-read them.
 */
export class OpenBalances {
  private readonly lists = new Map<string, Item[]>();
  private readonly byNumber = new Map<string, Item>();
  private readonly closed: Item[] = [];
  /** Every item this batch allocated (an item may appear more than once). */
  private readonly allocated: Item[] = [];

  constructor(invoices: readonly OpenInvoice[]) {
    for (const inv of invoices) {
      const item: Item = {
        number: inv.number,
        buyerId: inv.buyerId,
        currency: inv.currency,
        issueDate: inv.issueDate,
        dueDate: inv.dueDate,
        open: inv.open,
        last: inv.lastAllocatedOn,
        first: inv.firstAllocatedOn,
        storedFirst: inv.firstAllocatedOn,
      };
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
    return { allocations: this.record(p, plan.allocations), unapplied: plan.unapplied };
  }

  /**
   * Records allocations decided elsewhere (the cash matching step's, checked against these balances): updates
   * the balances and returns the rows (kind 'payment', delta −x).
   */
  record(
    p: Payment,
    planned: readonly { readonly documentNumber: string; readonly amount: bigint; readonly date: BusinessDate }[],
  ): Allocation[] {
    const allocations: Allocation[] = [];
    for (const a of planned) {
      const item = this.byNumber.get(a.documentNumber);
      if (item === undefined) throw new Error(`planned an unknown document ${a.documentNumber}`);
      item.open -= a.amount;
      if (item.last === undefined || a.date > item.last) item.last = a.date;
      if (item.first === undefined || a.date < item.first) {
        if (item.first === item.storedFirst) this.allocated.push(item);
        item.first = a.date;
      }
      if (item.open === 0n) this.closed.push(item);
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
    return allocations;
  }

  /**
   * The invoices settled in full so far, closed from their latest allocation date (never before issue:
   * an allocation is dated on or after the invoice's issue date), with their earliest allocation date (the stored
   * rows' as read, `firstAllocatedOn`, and this batch's). The loaded invoices were all open.
   */
  closings(): Closing[] {
    return this.closed.map((i) => ({
      number: i.number,
      // As the store's refresh has it: never before the issue date (a bank line may be booked before it).
      closedOn: i.last === undefined || i.last < i.issueDate ? i.issueDate : i.last,
      ...(i.first !== undefined ? { firstMovedOn: i.first } : {}),
    }));
  }

  /**
   * The invoices this batch allocated and left open whose earliest allocation date it set or moved back: the store
   * keeps that date on the open document (`open_documents.first_moved_on`, migration 061).
   */
  touched(): { number: string; firstMovedOn: BusinessDate }[] {
    const out: { number: string; firstMovedOn: BusinessDate }[] = [];
    for (const i of this.allocated)
      if (i.open !== 0n && i.first !== undefined && i.first !== i.storedFirst)
        out.push({ number: i.number, firstMovedOn: i.first });
    return out;
  }
}

/** Payments in the order they are allocated: by date, then id. */
export const byDateThenId = (a: Payment, b: Payment): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
