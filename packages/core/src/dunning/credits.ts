import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money/currency';

/** A credit of the buyer in one currency: an open credit note, or cash received and not applied. */
export interface OpenCredit {
  readonly kind: 'credit_note' | 'unapplied_cash';
  readonly reference?: string;
  readonly date?: BusinessDate;
  readonly currency: CurrencyCode;
  /** Positive, minor units. */
  readonly amount: bigint;
}

/**
 * Sets a buyer's credits off against its open items, as an allocation would: per currency, credit notes oldest
 * first then unapplied cash, against the items oldest due first, each item taking at most its open balance.
 * Returns the credits (or parts of them) set off per item number.
 */
export function allocateCredits(
  items: readonly {
    readonly number: string;
    readonly currency: CurrencyCode;
    readonly dueDate: BusinessDate;
    readonly open: bigint;
  }[],
  credits: readonly OpenCredit[],
): Map<string, OpenCredit[]> {
  const out = new Map<string, OpenCredit[]>();
  const queue = [...credits].sort((a, b) =>
    a.kind !== b.kind
      ? a.kind === 'credit_note'
        ? -1
        : 1
      : (a.date ?? '') < (b.date ?? '')
        ? -1
        : (a.date ?? '') > (b.date ?? '')
          ? 1
          : 0,
  );
  const order = [...items].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : 0,
  );
  const room = new Map(order.map((i) => [i.number, i.open]));
  for (const credit of queue) {
    let left = credit.amount;
    for (const item of order) {
      if (left <= 0n) break;
      if (item.currency !== credit.currency) continue;
      const free = room.get(item.number) ?? 0n;
      const take = free < left ? free : left;
      if (take <= 0n) continue;
      out.set(item.number, [...(out.get(item.number) ?? []), { ...credit, amount: take }]);
      room.set(item.number, free - take);
      left -= take;
    }
  }
  return out;
}
