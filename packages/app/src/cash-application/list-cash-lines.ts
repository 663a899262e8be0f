import type { LedgerReads } from '../ports';
import type { CashLine, CashLineFilter } from './ports';

/** `cash unapplied`: the lines on account, in suspense and rejected (of one buyer: its on-account lines). */
export const listUnappliedCash = (store: LedgerReads, buyerId?: string): Promise<CashLine[]> =>
  store.cashLines({
    states: buyerId === undefined ? ['on_account', 'suspense', 'rejected'] : ['on_account'],
    ...(buyerId === undefined ? {} : { buyerId }),
  });

/** `cash review list`: the lines waiting for a person, with their proposals and reasons. */
export const listReviewQueue = (store: LedgerReads, filter: Omit<CashLineFilter, 'states'> = {}): Promise<CashLine[]> =>
  store.cashLines({ ...filter, states: ['review'] });
