import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';

/** A buyer's order, as the order book says today: open, delivered (not yet invoiced), invoiced, cancelled. */
export interface Order {
  readonly id: string;
  readonly buyerId: string;
  readonly date: BusinessDate;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly status: 'open' | 'delivered' | 'invoiced' | 'cancelled';
}

export const ORDER_STATUSES = ['open', 'delivered', 'invoiced', 'cancelled'] as const;

/** A manual credit hold (暂停供货) or its release: append-only, with who and why. */
export interface HoldEvent {
  readonly id: number;
  readonly buyerId: string;
  readonly action: 'hold' | 'release';
  readonly reason: string;
  readonly by: string;
  readonly recordedOn: BusinessDate;
}

/** The hold in force on a date: the buyer's latest event recorded by then, if it is a hold. */
export function holdInForce(events: readonly HoldEvent[], asOf: BusinessDate): HoldEvent | undefined {
  const last = events
    .filter((e) => e.recordedOn <= asOf)
    .reduce<HoldEvent | undefined>(
      (m, e) =>
        m === undefined || e.recordedOn > m.recordedOn || (e.recordedOn === m.recordedOn && e.id > m.id) ? e : m,
      undefined,
    );
  return last?.action === 'hold' ? last : undefined;
}
