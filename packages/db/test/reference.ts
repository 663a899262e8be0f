import type { OpenInvoice } from '@credence/app';
import {
  type BehaviourSums,
  type BusinessDate,
  behaviourSums,
  type CurrencyCode,
  type Settlement,
} from '@credence/core';
import type { Ledger } from './ledger-gen';

/**
 * Settlements as the contract defines them: allocation rows of payments (not credit notes, not
 * write-offs) on invoices, negative, dated in [from, asOf], unless a reversal row for the same entry
 * and invoice is dated ≤ asOf (the generator only reverses entries in full).
 */
export function settlementsOf(l: Ledger, from: BusinessDate, asOf: BusinessDate): Settlement[] {
  const invoices = new Map(l.documents.filter((d) => d.type === 'invoice').map((d) => [d.number, d]));
  const key = (a: { kind: string; entryId: string; documentNumber: string }) =>
    `${a.kind}|${a.entryId}|${a.documentNumber}`;
  const reversed = new Set(l.allocations.filter((a) => a.delta > 0n && a.date <= asOf).map(key));
  const out: Settlement[] = [];
  for (const a of l.allocations) {
    const inv = invoices.get(a.documentNumber);
    if (!inv || a.kind !== 'payment' || a.delta >= 0n || a.date < from || a.date > asOf) continue;
    if (reversed.has(key(a))) continue;
    out.push({
      buyerId: inv.buyerId,
      currency: inv.currency,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      paidOn: a.date,
      amount: -a.delta,
    });
  }
  return out;
}

export const referenceBehaviour = (l: Ledger, from: BusinessDate, asOf: BusinessDate): BehaviourSums[] =>
  behaviourSums(settlementsOf(l, from, asOf));

export function referenceUnapplied(l: Ledger, asOf: BusinessDate) {
  const sums = new Map<string, { buyerId: string; currency: CurrencyCode; amount: bigint }>();
  for (const p of l.payments) {
    if (p.date > asOf) continue;
    if (l.reversals.some((r) => r.kind === 'payment' && r.targetId === p.id && r.date <= asOf)) continue;
    let left = p.amount;
    for (const a of l.allocations) {
      if (a.kind === 'payment' && a.entryId === p.id && a.date <= asOf) left += a.delta;
    }
    const k = `${p.buyerId}|${p.currency}`;
    const s = sums.get(k) ?? { buyerId: p.buyerId, currency: p.currency, amount: 0n };
    s.amount += left;
    sums.set(k, s);
  }
  return [...sums.values()].filter((s) => s.amount !== 0n);
}

export function referenceOpenInvoices(l: Ledger, buyerIds: readonly string[]): OpenInvoice[] {
  return l.documents
    .filter((d) => d.type === 'invoice' && buyerIds.includes(d.buyerId))
    .map((d) => {
      const rows = l.allocations.filter((a) => a.documentNumber === d.number);
      const o: OpenInvoice = {
        buyerId: d.buyerId,
        number: d.number,
        issueDate: d.issueDate,
        dueDate: d.dueDate,
        currency: d.currency,
        open: rows.reduce((s, a) => s + a.delta, d.amount),
      };
      const last = rows.reduce<BusinessDate | undefined>(
        (m, a) => (m === undefined || a.date > m ? a.date : m),
        undefined,
      );
      const first = rows.reduce<BusinessDate | undefined>(
        (m, a) => (m === undefined || a.date < m ? a.date : m),
        undefined,
      );
      return last === undefined || first === undefined ? o : { ...o, lastAllocatedOn: last, firstAllocatedOn: first };
    })
    .filter((o) => o.open > 0n);
}

/** Order-insensitive comparison helper: sorts by a string key. */
export function sortBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  return [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
