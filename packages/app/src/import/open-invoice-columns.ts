import type { BusinessDate, CurrencyCode } from '@credence/core';
import type { OpenInvoice } from '../ports';

/** A string of its own: a substring would keep the text it was cut from alive. */
const own = (s: string): string => ` ${s}`.slice(1);

/**
 * The open invoices of a file's buyers, read before the first write and kept by column until their buyers
 * are allocated: per invoice its number, the dates and currency shared with other invoices of the same value,
 * the open amount in a BigInt64Array — a million invoices without a million objects for the collector.
 */
export class OpenInvoiceColumns {
  private readonly numbers: string[] = [];
  private readonly issueDates: BusinessDate[] = [];
  private readonly dueDates: BusinessDate[] = [];
  private readonly currencies: CurrencyCode[] = [];
  private readonly lastDates: (BusinessDate | undefined)[] = [];
  private readonly firstDates: (BusinessDate | undefined)[] = [];
  private open = new BigInt64Array(4096);
  /** Open amounts outside the signed 64-bit range (never in practice), by index. */
  private readonly huge = new Map<number, bigint>();
  private readonly shared = new Map<string, string>();
  private readonly byBuyer = new Map<string, number[]>();

  add(inv: OpenInvoice): void {
    const i = this.numbers.length;
    if (i >= this.open.length) {
      const open = new BigInt64Array(this.open.length * 2);
      open.set(this.open);
      this.open = open;
    }
    this.numbers.push(own(inv.number));
    this.issueDates.push(this.share(inv.issueDate) as BusinessDate);
    this.dueDates.push(this.share(inv.dueDate) as BusinessDate);
    this.currencies.push(this.share(inv.currency) as CurrencyCode);
    this.lastDates.push(
      inv.lastAllocatedOn === undefined ? undefined : (this.share(inv.lastAllocatedOn) as BusinessDate),
    );
    this.firstDates.push(
      inv.firstAllocatedOn === undefined ? undefined : (this.share(inv.firstAllocatedOn) as BusinessDate),
    );
    if (BigInt.asIntN(64, inv.open) === inv.open) this.open[i] = inv.open;
    else this.huge.set(i, inv.open);
    const buyerId = this.share(inv.buyerId);
    const list = this.byBuyer.get(buyerId);
    if (list === undefined) this.byBuyer.set(buyerId, [i]);
    else list.push(i);
  }

  /** A buyer's open invoices as read (new objects), in the order read; the buyer is then forgotten. */
  take(buyerId: string): OpenInvoice[] {
    const out: OpenInvoice[] = [];
    for (const i of this.byBuyer.get(buyerId) ?? []) {
      const inv: OpenInvoice = {
        buyerId,
        number: this.numbers[i] as string,
        issueDate: this.issueDates[i] as BusinessDate,
        dueDate: this.dueDates[i] as BusinessDate,
        currency: this.currencies[i] as CurrencyCode,
        open: this.huge.get(i) ?? (this.open[i] as bigint),
      };
      const last = this.lastDates[i];
      const first = this.firstDates[i];
      out.push(
        last === undefined
          ? inv
          : { ...inv, lastAllocatedOn: last, ...(first !== undefined ? { firstAllocatedOn: first } : {}) },
      );
    }
    this.byBuyer.delete(buyerId);
    return out;
  }

  private share(s: string): string {
    const known = this.shared.get(s);
    if (known !== undefined) return known;
    const mine = own(s);
    this.shared.set(mine, mine);
    return mine;
  }
}
