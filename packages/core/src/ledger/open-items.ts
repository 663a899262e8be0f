import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import { type Allocation, type LedgerDocument, signedAmount } from './types';

export interface OpenItem {
  readonly buyerId: string;
  readonly number: string;
  readonly type: LedgerDocument['type'];
  readonly issueDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly currency: CurrencyCode;
  /** Signed open balance as of the date: positive owed to us, negative a credit in the buyer's favour. */
  readonly open: bigint;
}

/**
 * The open items as of a date. Documents issued after `asOf` do not exist yet; allocations dated after
 * `asOf` have not happened yet, so an invoice paid later shows as open in a historical aging.
 */
export function openItemsAsOf(
  documents: readonly LedgerDocument[],
  allocations: readonly Allocation[],
  asOf: BusinessDate,
): OpenItem[] {
  const moved = new Map<string, bigint>();
  for (const a of allocations) {
    if (a.date <= asOf) moved.set(a.documentNumber, (moved.get(a.documentNumber) ?? 0n) + a.delta);
  }
  const items: OpenItem[] = [];
  for (const d of documents) {
    if (d.issueDate > asOf) continue;
    const open = signedAmount(d) + (moved.get(d.number) ?? 0n);
    if (open === 0n) continue;
    items.push({
      buyerId: d.buyerId,
      number: d.number,
      type: d.type,
      issueDate: d.issueDate,
      dueDate: d.dueDate,
      currency: d.currency,
      open,
    });
  }
  return items;
}
