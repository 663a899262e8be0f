import type { BusinessDate } from '../calendar/date';
import type { CurrencyCode } from '../money/currency';
import type { OpenItem } from './open-items';

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
 * The one rule for setting a buyer's credits off (dunning, `netPosition`): per currency, credit notes oldest
 * first then unapplied cash, against the items oldest due first, each item taking at most its open balance,
 * as an allocation would. Returns the credits (or parts of them) set off per item number.
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

/** A buyer's position as of a date once its credits are set off against its open invoices. */
export interface NetPosition {
  /** The invoices still owed, each with what is left of it after the credits (items fully covered dropped). */
  readonly items: readonly OpenItem[];
  /** The credits (or parts of them) set off per invoice number. */
  readonly setOff: ReadonlyMap<string, readonly OpenCredit[]>;
  /** What is left of the credits after every invoice of their currency: the buyer's credit balance, per currency. */
  readonly creditBalance: readonly { readonly currency: CurrencyCode; readonly amount: bigint }[];
}

/**
 * A buyer's net position as of a date: its open items less its open credit notes (the items with a negative
 * balance) and its unapplied cash, set off by `allocateCredits` against the oldest due invoices first, per
 * currency. What a buyer owes or how late it is (aging, grade, credit check, `buyer show`) is read from this.
 */
export function netPosition(items: readonly OpenItem[], cash: readonly OpenCredit[] = []): NetPosition {
  const owed = items.filter((i) => i.open > 0n);
  const credits: OpenCredit[] = [
    ...items
      .filter((i) => i.open < 0n)
      .map((i) => ({
        kind: i.type === 'credit_note' ? ('credit_note' as const) : ('unapplied_cash' as const),
        reference: i.number,
        date: i.issueDate,
        currency: i.currency,
        amount: -i.open,
      })),
    ...cash.filter((c) => c.amount > 0n),
  ];
  const setOff = allocateCredits(owed, credits);
  const covered = (n: string) => (setOff.get(n) ?? []).reduce((t, c) => t + c.amount, 0n);
  const left = new Map<CurrencyCode, bigint>();
  for (const c of credits) left.set(c.currency, (left.get(c.currency) ?? 0n) + c.amount);
  for (const cs of setOff.values()) for (const c of cs) left.set(c.currency, (left.get(c.currency) ?? 0n) - c.amount);
  return {
    items: owed.map((i) => ({ ...i, open: i.open - covered(i.number) })).filter((i) => i.open > 0n),
    setOff,
    creditBalance: [...left]
      .filter(([, amount]) => amount > 0n)
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
  };
}
