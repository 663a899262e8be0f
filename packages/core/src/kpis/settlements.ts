import type { BusinessDate } from '../calendar/date';
import type { Allocation, LedgerDocument } from '../ledger/types';
import type { Settlement } from './payment-behaviour';

/**
 * The settlements payment behaviour is measured on: what one **payment** did to one invoice. Credit
 * notes and write-offs reduce balances but are not payments, so they do not count towards days to pay or
 * days beyond terms. A payment's rows on an invoice dated ≤ asOf are netted (a reversal writes the
 * opposite row under the same entry, so a payment bounced by asOf drops out); what is left, if positive,
 * was paid on the date of the first row that reduced the invoice, and counts when that date is ≥ from.
 */
export function paymentSettlements(
  documents: readonly LedgerDocument[],
  allocations: readonly Allocation[],
  from: BusinessDate,
  asOf: BusinessDate,
): Settlement[] {
  const invoices = new Map<string, LedgerDocument>();
  for (const d of documents) if (d.type === 'invoice') invoices.set(d.number, d);
  const net = new Map<string, { invoice: LedgerDocument; settled: bigint; paidOn: BusinessDate | undefined }>();
  for (const a of allocations) {
    const invoice = invoices.get(a.documentNumber);
    if (a.kind !== 'payment' || invoice === undefined || a.date > asOf) continue;
    const key = `${a.entryId}\u0000${a.documentNumber}`;
    const n = net.get(key) ?? { invoice, settled: 0n, paidOn: undefined };
    n.settled -= a.delta;
    if (a.delta < 0n && (n.paidOn === undefined || a.date < n.paidOn)) n.paidOn = a.date;
    net.set(key, n);
  }
  const out: Settlement[] = [];
  for (const { invoice, settled, paidOn } of net.values()) {
    if (settled <= 0n || paidOn === undefined || paidOn < from) continue;
    const { buyerId, currency, issueDate, dueDate } = invoice;
    out.push({ buyerId, currency, issueDate, dueDate, paidOn, amount: settled });
  }
  return out;
}
