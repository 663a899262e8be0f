import type { Result } from '@credence/core';
import { importOrders } from '../import/import-orders';
import type { ImportFailure, ImportSummary } from '../import/source';
import type { Store } from '../ports';

/** One order as typed or sent: the fields of an order-book row, as text (amount a decimal in the currency). */
export interface OrderInput {
  readonly id: string;
  readonly buyerId: string;
  readonly date: string;
  readonly amount: string;
  readonly currency: string;
  /** open, delivered, invoiced or cancelled. */
  readonly status: string;
}

/** The name the row errors of `addOrder` give as their file. */
export const ORDER_ADD_SOURCE = 'order add';

/**
 * Records or updates one order, checked exactly as an imported one-row order book (`importOrders`): created,
 * updated or unchanged; a bad field is a row error (row 1, the column named after the order-book field).
 */
export function addOrder(store: Store, x: OrderInput): Promise<Result<ImportSummary, ImportFailure>> {
  const values = {
    order_id: x.id,
    buyer_id: x.buyerId,
    order_date: x.date,
    amount: x.amount,
    currency: x.currency,
    status: x.status,
  };
  return importOrders(store, { file: ORDER_ADD_SOURCE, columns: Object.keys(values), rows: [{ row: 1, values }] });
}
