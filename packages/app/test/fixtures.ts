import type { Buyer, CurrencyCode } from '@credence/core';
import type { RowSource } from '../src/import/source';
import type { MemoryStore } from './memory-store';

/** A file as a reader would hand it over: header on row 1, data from row 2. */
export function source(file: string, header: readonly string[], rows: readonly (readonly string[])[]): RowSource {
  return {
    file,
    columns: header,
    rows: rows.map((cells, i) => ({
      row: i + 2,
      values: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])),
    })),
  };
}

export const EUR = 'EUR' as CurrencyCode;
export const USD = 'USD' as CurrencyCode;

export function buyer(id: string, currency: CurrencyCode = EUR): Buyer {
  return { id, name: `Buyer ${id}`, country: 'DE', currency, paymentTermsDays: 30 };
}

export async function seedBuyers(store: MemoryStore, buyers: readonly Buyer[]): Promise<void> {
  await store.transact((tx) => tx.upsertBuyers(buyers));
}

export const INVOICE_HEADER = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
export const PAYMENT_HEADER = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
