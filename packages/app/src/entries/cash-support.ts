import type { BusinessDate, CurrencyCode, LedgerDocument, Payment, Result } from '@credence/core';
import { fail, ok } from '@credence/core';
import type { CashApplication, LedgerWrites } from '../ports';

export const cashApplicationKey = (id: string): string => `cash_application:${id}`;

/** The figures an application changes, before and after it: the payment's unapplied cash, each document's open balance. */
export interface CashFigures {
  readonly currency: CurrencyCode;
  readonly unapplied: { readonly before: bigint; readonly after: bigint };
  readonly documents: readonly { readonly number: string; readonly before: bigint; readonly after: bigint }[];
}

export interface CashApplied {
  readonly application: CashApplication;
  readonly created: boolean;
  readonly figures: CashFigures;
}

/** A payment that can still be applied: stored, not reversed, with its cash not applied and what it applied per document. */
export async function loadPayment(
  tx: LedgerWrites,
  paymentId: string,
  date: BusinessDate,
): Promise<Result<{ payment: Payment; unapplied: bigint; applied: ReadonlyMap<string, bigint> }>> {
  const [payment] = await tx.findPayments([paymentId]);
  if (payment === undefined) return fail('not_found', { what: 'payment', id: paymentId });
  const reversal = await tx.reversalOf('payment', paymentId);
  if (reversal !== undefined)
    return fail('not_allowed', { reason: 'payment_reversed', id: paymentId, by: reversal.id });
  if (date < payment.date) return fail('invalid_date', { value: date, reason: 'before_entry' });
  const applied = new Map<string, bigint>();
  let unapplied = payment.amount;
  for (const a of await tx.allocationsOf('payment', paymentId)) {
    applied.set(a.documentNumber, (applied.get(a.documentNumber) ?? 0n) - a.delta);
    unapplied += a.delta;
  }
  return ok({ payment, unapplied, applied });
}

/** An open invoice of the payment's buyer, in its currency, issued by the date; with its open balance. */
export async function targetInvoice(
  tx: LedgerWrites,
  payment: Payment,
  number: string,
  date: BusinessDate,
): Promise<Result<{ doc: LedgerDocument; open: bigint }>> {
  const [doc] = await tx.findDocuments([number]);
  if (doc === undefined) return fail('unknown_document', { documentNumber: number });
  if (doc.type !== 'invoice') return fail('invalid_field', { reason: 'not_an_invoice', number });
  if (doc.buyerId !== payment.buyerId)
    return fail('invalid_field', { reason: 'other_buyer', number, buyerId: doc.buyerId });
  if (doc.currency !== payment.currency) return fail('currency_mismatch', { a: payment.currency, b: doc.currency });
  if (date < doc.issueDate) return fail('invalid_date', { value: date, reason: 'before_issue' });
  return ok({ doc, open: await openOf(tx, payment.buyerId, number) });
}

export const openOf = async (tx: LedgerWrites, buyerId: string, number: string): Promise<bigint> =>
  (await tx.openInvoices([buyerId])).find((i) => i.number === number)?.open ?? 0n;

/**
 * An application recorded under this id already: the same request (an amount left out matches the one
 * recorded) is a rerun, nothing changes and the figures are today's; another request under the id is an
 * `idempotency_conflict`. Undefined when the id is new.
 */
export async function rerun(
  tx: LedgerWrites,
  asked: Omit<CashApplication, 'amount'> & { readonly amount?: bigint },
): Promise<Result<CashApplied> | undefined> {
  const [stored] = await tx.findCashApplications([asked.id]);
  if (stored === undefined) return undefined;
  const { idempotencyKey: _k, contentHash: _h, ...application } = stored;
  const same =
    application.kind === asked.kind &&
    application.paymentId === asked.paymentId &&
    application.from === asked.from &&
    application.to === asked.to &&
    application.date === asked.date &&
    application.by === asked.by &&
    (asked.amount === undefined || asked.amount === application.amount);
  if (!same) return fail('idempotency_conflict', { key: cashApplicationKey(asked.id) });
  const [payment] = await tx.findPayments([application.paymentId]);
  if (payment === undefined) return fail('not_found', { what: 'payment', id: application.paymentId });
  const u = (await tx.allocationsOf('payment', payment.id)).reduce((t, a) => t + a.delta, payment.amount);
  const numbers = application.from !== undefined ? [application.from, application.to] : [application.to];
  const documents = await Promise.all(
    numbers.map(async (number) => {
      const open = await openOf(tx, payment.buyerId, number);
      return { number, before: open, after: open };
    }),
  );
  return ok({
    application,
    created: false,
    figures: { currency: payment.currency, unapplied: { before: u, after: u }, documents },
  });
}
