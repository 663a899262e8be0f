import { type BusinessDate, type CurrencyCode, ok, parseMoney, type Result } from '@credence/core';
import type { Store, WriteOff } from '../ports';
import { decimalParams } from './decimal-amounts';
import { writeOffDocument } from './write-off-document';

export interface WriteOffDecimalInput {
  readonly id: string;
  readonly documentNumber: string;
  readonly date: BusinessDate;
  /** A decimal in the invoice's currency; default: the invoice's whole open balance. */
  readonly amount?: string;
  readonly reason: string;
}

export interface WriteOffRecorded {
  readonly writeOff: WriteOff;
  readonly created: boolean;
  /** The invoice's currency (the write-off's amount is in its minor units). */
  readonly currency?: CurrencyCode;
}

/**
 * `write-off` (and its HTTP twin): `writeOffDocument` with the amount as a decimal in the invoice's currency;
 * a failure gives the open balance as a decimal.
 */
export async function writeOffDecimal(store: Store, x: WriteOffDecimalInput): Promise<Result<WriteOffRecorded>> {
  const [doc] = await store.findDocuments([x.documentNumber]);
  let amount: bigint | undefined;
  if (x.amount !== undefined && doc) {
    const m = parseMoney(x.amount, doc.currency);
    if (!m.ok) return m;
    amount = m.value.amount;
  }
  const { amount: _typed, ...rest } = x;
  const res = await writeOffDocument(store, { ...rest, ...(amount !== undefined ? { amount } : {}) });
  if (!res.ok) return doc ? { ok: false, error: decimalParams(res.error, doc.currency, ['open']) } : res;
  return ok({ ...res.value, ...(doc ? { currency: doc.currency } : {}) });
}
