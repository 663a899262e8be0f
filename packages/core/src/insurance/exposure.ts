import type { BusinessDate } from '../calendar/date';
import {
  type InsuranceInvoice,
  type InsuredBuyer,
  type InsuredInvoice,
  insuredOpenOn,
  insureInvoices,
  type NotInsuredReason,
  openOn,
} from './insured';
import { type LimitEvent, type LimitInForce, limitInForce } from './limits';
import type { InsurancePolicy } from './policy';

export interface BuyerExposure {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  /** Gross receivables open at the end of `asOf`. */
  readonly receivables: bigint;
  readonly insured: bigint;
  /** receivables − insured: the uninsured part, VAT included. */
  readonly uninsured: bigint;
  readonly limit: LimitInForce;
  /** limit − insured, never below zero: what a delivery on `asOf` can still be insured for. */
  readonly headroom: bigint;
}

/** Receivables, insured and uninsured parts, limit and headroom of one buyer at the end of `asOf`. */
export function buyerExposure(
  buyer: InsuredBuyer,
  invoices: readonly InsuranceInvoice[],
  events: readonly LimitEvent[],
  policy: InsurancePolicy,
  asOf: BusinessDate,
): BuyerExposure {
  const past = invoices.filter((i) => i.invoiceDate <= asOf);
  const insured = insureInvoices(buyer, past, events, policy);
  const byId = new Map(past.map((i) => [i.id, i]));
  let receivables = 0n;
  let ins = 0n;
  for (const x of insured) {
    const inv = byId.get(x.invoiceId);
    if (inv === undefined) continue;
    receivables += openOn(inv, asOf);
    ins += insuredOpenOn(x, inv, asOf, policy);
  }
  const limit = limitInForce(events, asOf, policy);
  const headroom = limit.amount - ins;
  return {
    buyerId: buyer.buyerId,
    asOf,
    receivables,
    insured: ins,
    uninsured: receivables - ins,
    limit,
    headroom: headroom > 0n ? headroom : 0n,
  };
}

export interface DeliveryQuote {
  readonly insured: bigint;
  /** Eligible amount not insured (above the limit, or the whole delivery when excluded). */
  readonly uninsured: bigint;
  readonly headroom: bigint;
  readonly limit: LimitInForce;
  readonly reasons: readonly NotInsuredReason[];
}

/** How much of a new delivery (an order) would be insured if invoiced on `date`. */
export function quoteDelivery(
  buyer: InsuredBuyer,
  invoices: readonly InsuranceInvoice[],
  events: readonly LimitEvent[],
  policy: InsurancePolicy,
  delivery: {
    readonly date: BusinessDate;
    readonly dueDate: BusinessDate;
    readonly gross: bigint;
    readonly vat: bigint;
    readonly currency: string;
  },
): DeliveryQuote {
  const id = '\uffff(new delivery)';
  const all = [
    ...invoices.filter((i) => i.invoiceDate <= delivery.date),
    {
      id,
      currency: delivery.currency,
      invoiceDate: delivery.date,
      dueDate: delivery.dueDate,
      gross: delivery.gross,
      vat: delivery.vat,
      settlements: [],
    },
  ];
  const out = insureInvoices(buyer, all, events, policy);
  const q = out.find((x) => x.invoiceId === id) as InsuredInvoice;
  const headroom = q.limit.amount - q.consumedBefore;
  return {
    insured: q.insured,
    uninsured: q.uninsured,
    headroom: headroom > 0n ? headroom : 0n,
    limit: q.limit,
    reasons: q.reasons,
  };
}
