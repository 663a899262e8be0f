import type { Buyer, ErrorCode, LedgerDocument, Payment } from '@credence/core';

export type PaymentProblem = {
  readonly field: 'buyer_id' | 'document_number' | 'currency';
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
};

/**
 * What is wrong with a payment given what the store knows: an unknown buyer, a named document that
 * does not exist, belongs to another buyer or is in another currency.
 */
export function paymentProblems(
  p: Pick<Payment, 'buyerId' | 'currency' | 'documentNumber'>,
  buyer: Pick<Buyer, 'id'> | undefined,
  named: Pick<LedgerDocument, 'number' | 'buyerId' | 'currency'> | undefined,
): PaymentProblem[] {
  const out: PaymentProblem[] = [];
  if (buyer === undefined) out.push({ field: 'buyer_id', code: 'unknown_buyer', params: { buyerId: p.buyerId } });
  if (p.documentNumber !== undefined) {
    if (named === undefined)
      out.push({ field: 'document_number', code: 'unknown_document', params: { number: p.documentNumber } });
    else if (named.buyerId !== p.buyerId) {
      out.push({
        field: 'document_number',
        code: 'invalid_field',
        params: { reason: 'other_buyer', buyerId: named.buyerId },
      });
    } else if (named.currency !== p.currency) {
      out.push({ field: 'currency', code: 'currency_mismatch', params: { a: p.currency, b: named.currency } });
    }
  }
  return out;
}

export const paymentKey = (id: string): string => `payment:${id}`;
