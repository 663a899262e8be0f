import type { BusinessDate, CurrencyCode, Payment } from '@credence/core';
import { paymentKey } from '../entries/check-payment';
import type { Stored } from '../ports';

const HASH_BYTES = 32;

/** A string of its own: a substring would keep the whole piece of the file it was read from alive. */
const own = (s: string): string => ` ${s}`.slice(1);

/**
 * The new payments of a file, kept by column between reading and allocation (allocation needs every
 * payment of a buyer before the first is written): per payment its id, the buyer, date and currency
 * shared with the other payments of the same value, the named document, the amount in a BigInt64Array
 * and the SHA-256 content hash as 32 bytes — about a third of a parsed payment object with its hex hash,
 * and no object per payment for the collector to trace.
 */
export class PaymentColumns {
  private readonly ids: string[] = [];
  private readonly buyers: string[] = [];
  private readonly dates: BusinessDate[] = [];
  private readonly currencies: CurrencyCode[] = [];
  private readonly documents: (string | undefined)[] = [];
  private rows = new Int32Array(4096);
  private amounts = new BigInt64Array(4096);
  /** Amounts outside the signed 64-bit range (never in practice), by index. */
  private readonly huge = new Map<number, bigint>();
  private hashes = Buffer.alloc(4096 * HASH_BYTES);
  private readonly shared = new Map<string, string>();
  /** Per buyer, the indexes of its payments in file order; buyers in the order the file first names them. */
  readonly byBuyer = new Map<string, number[]>();

  get size(): number {
    return this.ids.length;
  }

  /** Adds a new payment of the file (its row number, for errors found later). */
  add(row: number, p: Payment, contentHash: string): void {
    const i = this.ids.length;
    if (i >= this.amounts.length) this.grow();
    this.rows[i] = row;
    const buyerId = this.share(p.buyerId);
    this.ids.push(own(p.id));
    this.buyers.push(buyerId);
    this.dates.push(this.share(p.date) as BusinessDate);
    this.currencies.push(this.share(p.currency) as CurrencyCode);
    this.documents.push(p.documentNumber === undefined ? undefined : own(p.documentNumber));
    if (BigInt.asIntN(64, p.amount) === p.amount) this.amounts[i] = p.amount;
    else this.huge.set(i, p.amount);
    this.hashes.write(contentHash, i * HASH_BYTES, HASH_BYTES, 'hex');
    const list = this.byBuyer.get(buyerId);
    if (list === undefined) this.byBuyer.set(buyerId, [i]);
    else list.push(i);
  }

  /** What the reference checks need of the payment at index `i`, and its row (a new object each call). */
  reference(i: number): { row: number; buyerId: string; currency: CurrencyCode; documentNumber?: string } {
    const documentNumber = this.documents[i];
    const r = {
      row: this.rows[i] as number,
      buyerId: this.buyers[i] as string,
      currency: this.currencies[i] as CurrencyCode,
    };
    return documentNumber === undefined ? r : { ...r, documentNumber };
  }

  /** The payment at index `i` as the store writes it (a new object each call). */
  stored(i: number): Stored<Payment> {
    const id = this.ids[i] as string;
    const p: { -readonly [K in keyof Payment]: Payment[K] } = {
      id,
      buyerId: this.buyers[i] as string,
      date: this.dates[i] as BusinessDate,
      amount: this.huge.get(i) ?? (this.amounts[i] as bigint),
      currency: this.currencies[i] as CurrencyCode,
    };
    const documentNumber = this.documents[i];
    if (documentNumber !== undefined) p.documentNumber = documentNumber;
    const at = i * HASH_BYTES;
    return Object.assign(p, {
      idempotencyKey: paymentKey(id),
      contentHash: this.hashes.toString('hex', at, at + HASH_BYTES),
    });
  }

  /** Allocation order: by date, then id (as `byDateThenId`). */
  compare = (a: number, b: number): number => {
    const da = this.dates[a] as string;
    const db = this.dates[b] as string;
    if (da !== db) return da < db ? -1 : 1;
    const ia = this.ids[a] as string;
    const ib = this.ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };

  private share(s: string): string {
    const known = this.shared.get(s);
    if (known !== undefined) return known;
    const mine = own(s);
    this.shared.set(mine, mine);
    return mine;
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    const amounts = new BigInt64Array(this.amounts.length * 2);
    amounts.set(this.amounts);
    this.amounts = amounts;
    const hashes = Buffer.alloc(this.hashes.length * 2);
    this.hashes.copy(hashes);
    this.hashes = hashes;
  }
}
