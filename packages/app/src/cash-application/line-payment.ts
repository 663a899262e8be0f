import type { Allocation, BusinessDate, Payment } from '@credence/core';
import type { MatchAllocation } from '@credence/core/cash-matching';
import type { StoredBankLine } from '../bank-statements/ports';
import { paymentKey } from '../entries/check-payment';
import { OpenBalances } from '../entries/open-balances';
import { contentHash } from '../hash';
import type { LedgerWrites, OpenInvoice } from '../ports';

/** The payment a bank line becomes: one id per line, so a line is applied once, ever. */
export const linePaymentId = (l: Pick<StoredBankLine, 'statement' | 'line'>): string =>
  `BNK-${l.statement.replace(/^BST-/, '')}-${l.line}`;

/** Open balances by document, drawn down as lines are applied in one run (two lines never settle one item twice). */
export class OpenLeft {
  private readonly left = new Map<string, { buyerId: string; open: bigint; dueDate: BusinessDate }>();
  constructor(items: readonly OpenInvoice[]) {
    for (const i of items) this.left.set(i.number, { buyerId: i.buyerId, open: i.open, dueDate: i.dueDate });
  }
  /** True when every allocation still fits the document's open balance. */
  fits(buyerId: string, allocations: readonly MatchAllocation[]): boolean {
    return allocations.every((a) => {
      const d = this.left.get(a.document);
      return d !== undefined && d.buyerId === buyerId && d.open >= a.amount;
    });
  }
  /** The named documents of the buyer, oldest due first, taking as much of `amount` as each has open. */
  spread(buyerId: string, documents: readonly string[], amount: bigint): MatchAllocation[] {
    const named = documents
      .map((n) => ({ n, d: this.left.get(n) }))
      .filter((x) => x.d !== undefined && x.d.buyerId === buyerId && x.d.open > 0n)
      .sort((a, b) => ((a.d?.dueDate ?? '') < (b.d?.dueDate ?? '') ? -1 : 1));
    const out: MatchAllocation[] = [];
    let rest = amount;
    for (const { n, d } of named) {
      if (rest === 0n || d === undefined) break;
      const take = d.open < rest ? d.open : rest;
      out.push({ document: n, amount: take });
      rest -= take;
    }
    return out;
  }
  take(allocations: readonly MatchAllocation[]): void {
    for (const a of allocations) {
      const d = this.left.get(a.document);
      if (d !== undefined) d.open -= a.amount;
    }
  }
}

/** A line's payment for the buyer, and its allocation rows (what is not allocated stays unapplied: on account). */
export function linePayment(
  l: StoredBankLine,
  buyerId: string,
  allocations: readonly MatchAllocation[],
): { payment: Payment & { idempotencyKey: string; contentHash: string }; rows: Allocation[] } {
  const payment: Payment = {
    id: linePaymentId(l),
    buyerId,
    date: l.bookingDate,
    amount: l.amount,
    currency: l.currency,
  };
  const rows: Allocation[] = allocations
    .filter((a) => a.amount > 0n)
    .map((a) => ({
      kind: 'payment',
      entryId: payment.id,
      documentNumber: a.document,
      buyerId,
      date: l.bookingDate,
      delta: -a.amount,
      currency: l.currency,
    }));
  return { payment: { ...payment, idempotencyKey: paymentKey(payment.id), contentHash: contentHash(payment) }, rows };
}

/** Writes the payments and their allocation rows (audited by the store like any payment). */
export async function writeLinePayments(
  tx: LedgerWrites,
  written: readonly ReturnType<typeof linePayment>[],
): Promise<void> {
  if (written.length === 0) return;
  await tx.insertPayments(written.map((w) => w.payment));
  const rows = written.flatMap((w) => w.rows);
  if (rows.length > 0) await tx.insertAllocations(rows);
}

/**
 * The matching step's payments as one bulk settlement: which documents they close (and from when), which payments
 * they apply in full, worked out here against `open` — the open items read under the ledger locks, which every
 * allocated document is among — so the store need not re-read every document and payment the step touched.
 */
export async function settleLinePayments(
  tx: LedgerWrites,
  written: readonly ReturnType<typeof linePayment>[],
  open: readonly OpenInvoice[],
): Promise<void> {
  if (written.length === 0) return;
  const balances = new OpenBalances(open);
  const allocations: Allocation[] = [];
  const applied: { id: string; appliedOn: BusinessDate }[] = [];
  for (const { payment, rows } of written) {
    let moved = 0n;
    let last = payment.date;
    const planned = rows.map((r) => ({ documentNumber: r.documentNumber, amount: -r.delta, date: r.date }));
    for (const a of balances.record(payment, planned)) {
      allocations.push(a);
      moved -= a.delta;
      if (a.date > last) last = a.date;
    }
    if (moved === payment.amount) applied.push({ id: payment.id, appliedOn: last });
  }
  await tx.insertSettlements({
    payments: written.map((w) => w.payment),
    allocations,
    closed: balances.closings(),
    touched: balances.touched(),
    applied,
  });
}
