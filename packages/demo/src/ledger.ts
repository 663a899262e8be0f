import { type CurrencyCode, exponentOf, fromEpochDay, mixSeed, money, Rng, toDecimalString } from '@credence/core';
import { disputeRates, paymentDelay, paymentStyle, pays, type Timeline } from './behaviour';
import { type BuyerPlan, eurPerUnit } from './buyers';
import type { InvoiceRow, LedgerChunk, PaymentRow } from './rows';

interface Invoice {
  readonly issue: number;
  readonly due: number;
  readonly amount: bigint;
  readonly delivery: number | undefined;
  readonly orderRef: string;
  /** A credit note against this invoice: its amount and day. */
  readonly credit: { readonly amount: bigint; readonly day: number } | undefined;
}

interface Pay {
  readonly day: number;
  readonly amount: bigint;
  readonly invoice: number | undefined;
}

const MIN_INVOICE_EUR = 50;

function drawAmount(rng: Rng, buyer: BuyerPlan, unit: number, currency: string): bigint {
  const floor = MIN_INVOICE_EUR / eurPerUnit(currency);
  const major = Math.max(floor, buyer.meanAmount * rng.logNormal(0.7));
  // A third of invoices are round amounts (flat fees, list prices); the rest have cents.
  return rng.chance(0.33) ? BigInt(Math.round(major)) * BigInt(unit) : BigInt(Math.round(major * unit));
}

/** A share between lo and hi of an amount, in whole minor units. */
const part = (rng: Rng, amount: bigint, lo: number, hi: number): bigint =>
  (amount * BigInt(Math.round((lo + (hi - lo) * rng.next()) * 1000))) / 1000n;

function invoicesOf(rng: Rng, buyer: BuyerPlan, t: Timeline): Invoice[] {
  const currency = buyer.row.currency;
  const unit = 10 ** exponentOf(currency as CurrencyCode);
  const last = buyer.profile === 'stopped_paying' ? t.hold : t.end;
  const days = Array.from({ length: buyer.invoiceCount }, () => rng.int(t.start, last)).sort((a, b) => a - b);
  const { creditNote } = disputeRates(buyer);
  return days.map((issue) => {
    const amount = drawAmount(rng, buyer, unit, currency);
    const creditDay = issue + rng.int(3, 45);
    const credit =
      rng.chance(creditNote) && creditDay <= t.end
        ? { amount: part(rng, amount, 0.05, 0.4), day: creditDay }
        : undefined;
    return {
      issue,
      due: issue + buyer.termsDays,
      amount,
      delivery: rng.chance(0.7) ? issue - rng.int(0, 5) : undefined,
      orderRef: buyer.usesOrderRefs ? `PO-45${rng.digits(8)}` : '',
      credit: credit && credit.amount > 0n ? credit : undefined,
    };
  });
}

function paymentsOf(rng: Rng, buyer: BuyerPlan, invoices: readonly Invoice[], t: Timeline): Pay[] {
  const { neverPaid } = disputeRates(buyer);
  const out: Pay[] = [];
  const lumps: { day: number; amount: bigint }[] = [];
  invoices.forEach((inv, i) => {
    if (rng.chance(neverPaid)) return;
    const planned = inv.due + paymentDelay(rng, buyer, inv.due, t);
    // A buyer that is owed a credit note waits for it and pays the net amount.
    const day = inv.credit && planned < inv.credit.day ? inv.credit.day + rng.int(1, 10) : planned;
    if (!pays(buyer, day, t)) return;
    const due = inv.amount - (inv.credit ? inv.credit.amount : 0n);
    if (due <= 0n) return;
    const style = paymentStyle(rng, buyer);
    if (style === 'lump') {
      lumps.push({ day, amount: due });
    } else if (style === 'partial' && due >= 2n) {
      const first = part(rng, due, 0.3, 0.7);
      out.push({ day, amount: first, invoice: i });
      const later = day + rng.int(10, 45);
      if (pays(buyer, later, t)) out.push({ day: later, amount: due - first, invoice: i });
    } else {
      out.push({ day, amount: due, invoice: i });
    }
  });
  // Invoices settled within two weeks of each other go out as one transfer that names no invoice.
  lumps.sort((a, b) => a.day - b.day);
  for (let i = 0; i < lumps.length; ) {
    const first = lumps[i]?.day ?? 0;
    let day = first;
    let amount = 0n;
    let n = 0;
    for (; i < lumps.length && n < 6 && (lumps[i]?.day ?? 0) - first <= 14; i++, n++) {
      day = lumps[i]?.day ?? day;
      amount += lumps[i]?.amount ?? 0n;
    }
    out.push({ day, amount, invoice: undefined });
  }
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Replays the buyer's cash as the ledger will allocate it (credit notes first, then payments by date:
 * named invoice, else oldest due first). A payment naming an invoice that earlier unnamed cash already
 * settled is turned into an unnamed one, as a cash-application clerk would, so the demo ledger carries
 * no phantom unapplied cash.
 */
function retargetSettled(pays: readonly Pay[], invoices: readonly Invoice[]): Pay[] {
  const open = invoices.map((inv) => inv.amount - (inv.credit?.amount ?? 0n));
  // Invoices are in issue order and a buyer's terms are fixed, so this is also oldest-due-first order.
  let first = 0;
  return pays.map((p) => {
    if (p.invoice !== undefined && (open[p.invoice] ?? 0n) >= p.amount) {
      open[p.invoice] = (open[p.invoice] ?? 0n) - p.amount;
      return p;
    }
    let left = p.amount;
    while (first < invoices.length && (open[first] ?? 0n) === 0n) first++;
    for (let i = first; i < invoices.length && left > 0n && (invoices[i]?.issue ?? 0) <= p.day; i++) {
      const o = open[i] ?? 0n;
      const take = o < left ? o : left;
      open[i] = o - take;
      left -= take;
    }
    return { ...p, invoice: undefined };
  });
}

/** One buyer's invoices, credit notes and payments as CSV rows. Deterministic for (seed, buyer). */
export function buyerLedger(seed: number, buyer: BuyerPlan, t: Timeline): LedgerChunk {
  const rng = new Rng(mixSeed(seed, buyer.index, 1));
  const id = buyer.row.buyer_id;
  const currency = buyer.row.currency;
  const fmt = (amount: bigint): string => toDecimalString(money(amount, currency as CurrencyCode));
  const invoices = invoicesOf(rng, buyer, t);
  const numbers = invoices.map((_, i) => `INV-${id}-${String(i + 1).padStart(4, '0')}`);
  const documents: InvoiceRow[] = invoices.map((inv, i) => ({
    document_number: numbers[i] ?? '',
    buyer_id: id,
    issue_date: fromEpochDay(inv.issue),
    due_date: fromEpochDay(inv.due),
    amount: fmt(inv.amount),
    currency,
    type: 'invoice',
    delivery_date: inv.delivery === undefined ? '' : fromEpochDay(inv.delivery),
    order_ref: inv.orderRef,
    applies_to: '',
  }));
  const credits = invoices
    .map((inv, i) => ({ inv, i }))
    .filter(({ inv }) => inv.credit !== undefined)
    .sort((a, b) => (a.inv.credit?.day ?? 0) - (b.inv.credit?.day ?? 0));
  credits.forEach(({ inv, i }, k) => {
    const day = fromEpochDay(inv.credit?.day ?? inv.issue);
    documents.push({
      document_number: `CN-${id}-${String(k + 1).padStart(3, '0')}`,
      buyer_id: id,
      issue_date: day,
      due_date: day,
      amount: fmt(inv.credit?.amount ?? 0n),
      currency,
      type: 'credit_note',
      delivery_date: '',
      order_ref: inv.orderRef,
      applies_to: numbers[i] ?? '',
    });
  });
  documents.sort((a, b) => (a.issue_date < b.issue_date ? -1 : a.issue_date > b.issue_date ? 1 : 0));
  const payments: PaymentRow[] = retargetSettled(paymentsOf(rng, buyer, invoices, t), invoices).map((p, k) => ({
    payment_id: `PAY-${id}-${String(k + 1).padStart(4, '0')}`,
    buyer_id: id,
    payment_date: fromEpochDay(p.day),
    amount: fmt(p.amount),
    currency,
    document_number: p.invoice === undefined ? '' : (numbers[p.invoice] ?? ''),
  }));
  return { buyerId: id, documents, payments };
}
