import {
  addDays,
  type BusinessDate,
  type Buyer,
  type CurrencyCode,
  daysOverdue,
  fail,
  ok,
  parts,
  type Result,
} from '@credence/core';
import type { LedgerReads } from '../ports';
import type { StatementRecord } from './statement-ports';

/** One line of an account statement: a document issued or a payment received in the period (signed). */
export interface StatementLine {
  readonly date: BusinessDate;
  readonly kind: 'invoice' | 'credit_note' | 'payment' | 'adjustment';
  readonly reference: string;
  readonly dueDate?: BusinessDate;
  /** Signed: an invoice raises the balance, a credit note or a payment lowers it. */
  readonly amount: bigint;
  /** The balance after the line. */
  readonly balance: bigint;
}

/** What is open at the closing date by age: not due, 1–30, 31–60, 61–90, over 90 days overdue. */
export const STATEMENT_AGING = ['not_due', '1_30', '31_60', '61_90', 'over_90'] as const;

export interface CurrencyStatement {
  readonly currency: CurrencyCode;
  /** Owed at the end of the day before `from`: open items less unapplied cash. */
  readonly opening: bigint;
  readonly lines: readonly StatementLine[];
  readonly closing: bigint;
  /** The closing open items by age (invoices and credit notes; unapplied cash in `unapplied`). */
  readonly aging: Readonly<Record<(typeof STATEMENT_AGING)[number], bigint>>;
  readonly unapplied: bigint;
}

export interface AccountStatement {
  readonly buyer: Buyer;
  readonly from: BusinessDate;
  readonly asOf: BusinessDate;
  readonly currencies: readonly CurrencyStatement[];
  /** Statements of the period sent, confirmed by the buyer, lines disputed (migration 084). */
  readonly records: readonly StatementRecord[];
}

const ageOf = (days: number): (typeof STATEMENT_AGING)[number] =>
  days <= 0 ? 'not_due' : days <= 30 ? '1_30' : days <= 60 ? '31_60' : days <= 90 ? '61_90' : 'over_90';

/** The first day of the date's month. */
export const monthStart = (d: BusinessDate): BusinessDate => {
  const [y, m] = parts(d);
  return `${y}-${String(m).padStart(2, '0')}-01` as BusinessDate;
};

/**
 * `credence statement buyer` (对账单): per currency, the balance owed at the start of the period (the day before
 * `from`, default the first of the month), the documents issued and payments received in it with the running
 * balance, the closing balance as of `asOf` and its aging. Anything else that moved the balance in the period
 * (a write-off, a reversal) is one `adjustment` line, so opening + lines = closing always.
 */
export async function accountStatement(
  store: LedgerReads,
  q: { readonly buyerId: string; readonly asOf: BusinessDate; readonly from?: BusinessDate },
): Promise<Result<AccountStatement>> {
  const buyer = await store.getBuyer(q.buyerId);
  if (buyer === undefined) return fail('not_found', { what: 'buyer', id: q.buyerId });
  const from = q.from ?? monthStart(q.asOf);
  if (from > q.asOf) return fail('invalid_date', { field: 'from', reason: 'after asOf' });
  const before = addDays(from, -1);
  const [openBefore, cashBefore, openNow, cashNow, documents, payments, records] = await Promise.all([
    store.buyerOpenItems(q.buyerId, before),
    store.unappliedPayments(q.buyerId, before),
    store.buyerOpenItems(q.buyerId, q.asOf),
    store.unappliedPayments(q.buyerId, q.asOf),
    store.buyerDocuments(q.buyerId, from, q.asOf),
    store.paymentsOf(q.buyerId),
    store.statementRecords(q.buyerId, from, q.asOf),
  ]);
  const currencies = new Set<CurrencyCode>([
    ...[...openBefore, ...openNow, ...documents, ...payments].map((x) => x.currency),
    ...[...cashBefore, ...cashNow].map((p) => p.currency),
  ]);
  const out: CurrencyStatement[] = [];
  for (const currency of [...currencies].sort()) {
    const balance = (items: typeof openNow, cash: typeof cashNow) =>
      items.filter((i) => i.currency === currency).reduce((s, i) => s + i.open, 0n) -
      cash.filter((p) => p.currency === currency).reduce((s, p) => s + p.unapplied, 0n);
    const opening = balance(openBefore, cashBefore);
    const closing = balance(openNow, cashNow);
    const moves = [
      ...documents
        .filter((d) => d.currency === currency)
        .map((d) => ({
          date: d.issueDate,
          kind: d.type,
          reference: d.number,
          dueDate: d.dueDate,
          amount: d.type === 'credit_note' ? -d.amount : d.amount,
        })),
      ...payments
        .filter((p) => p.currency === currency && p.date >= from && p.date <= q.asOf)
        .map((p) => ({ date: p.date, kind: 'payment' as const, reference: p.id, amount: -p.amount })),
    ].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.reference < b.reference ? -1 : 1));
    const moved = moves.reduce((s, m) => s + m.amount, 0n);
    if (closing - opening !== moved)
      moves.push({ date: q.asOf, kind: 'adjustment' as never, reference: '-', amount: closing - opening - moved });
    let running = opening;
    const lines: StatementLine[] = moves.map((m) => {
      running += m.amount;
      return { ...m, balance: running };
    });
    const aging = Object.fromEntries(STATEMENT_AGING.map((k) => [k, 0n])) as Record<
      (typeof STATEMENT_AGING)[number],
      bigint
    >;
    for (const i of openNow.filter((x) => x.currency === currency))
      aging[ageOf(daysOverdue(i.dueDate, q.asOf))] += i.open;
    const unapplied = cashNow.filter((p) => p.currency === currency).reduce((s, p) => s + p.unapplied, 0n);
    if (opening === 0n && closing === 0n && lines.length === 0) continue;
    out.push({ currency, opening, lines, closing, aging, unapplied });
  }
  return ok({ buyer, from, asOf: q.asOf, currencies: out, records });
}
