import { type BusinessDate, daysBetween } from '../calendar/date';
import { divideRounded } from '../money/round';
import { type LimitEvent, type LimitInForce, limitInForce } from './limits';
import type { InsurancePolicy } from './policy';

/** The buyer as the policy sees it. */
export interface InsuredBuyer {
  readonly buyerId: string;
  readonly country: string;
  readonly affiliate?: boolean;
  readonly publicBuyer?: boolean;
}

/** An invoice (a delivery) with what was settled on it, from the ledger. */
export interface InsuranceInvoice {
  readonly id: string;
  readonly currency: string;
  /** The delivery date: the limit in force on it decides the cover. */
  readonly invoiceDate: BusinessDate;
  /** The ORIGINAL due date. Extensions, promises and payment plans never change it. */
  readonly dueDate: BusinessDate;
  /** Gross amount, VAT included, minor units. */
  readonly gross: bigint;
  readonly vat: bigint;
  /** Payments and credits on the invoice, dated. */
  readonly settlements: readonly { readonly date: BusinessDate; readonly amount: bigint }[];
}

export type NotInsuredReason =
  | 'buyer_country_not_covered'
  | 'affiliate_excluded'
  | 'public_buyer_excluded'
  | 'currency_not_covered'
  | 'outside_policy_period'
  | 'terms_too_long'
  | 'no_limit'
  | 'limit_exhausted'
  | 'above_limit';

export interface InsuredInvoice {
  readonly invoiceId: string;
  readonly invoiceDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly gross: bigint;
  /** The amount the policy can insure: net of VAT when VAT is excluded. */
  readonly eligible: bigint;
  readonly insured: bigint;
  /** eligible − insured (the VAT share is neither: it is excluded). */
  readonly uninsured: bigint;
  readonly limit: LimitInForce;
  /** Limit used by earlier invoices still open at the end of the delivery day. */
  readonly consumedBefore: bigint;
  readonly reasons: readonly NotInsuredReason[];
}

/** The share of an open gross amount that counts for the policy: net of VAT pro rata, rounded half-up, once. */
export function eligibleShare(open: bigint, inv: InsuranceInvoice, policy: InsurancePolicy): bigint {
  if (!policy.exclusions.vat || inv.vat === 0n || inv.gross === 0n) return open;
  if (open === inv.gross) return inv.gross - inv.vat;
  return divideRounded(open * (inv.gross - inv.vat), inv.gross, 'half-up');
}

/** Gross amount still open on an invoice at the end of `asOf`. */
export function openOn(inv: InsuranceInvoice, asOf: BusinessDate): bigint {
  const paid = inv.settlements.filter((s) => s.date <= asOf).reduce((a, s) => a + s.amount, 0n);
  const open = inv.gross - paid;
  return open > 0n ? open : 0n;
}

/** Why the policy does not cover a delivery at all (before any limit). */
export function exclusionsOf(
  buyer: InsuredBuyer,
  inv: Pick<InsuranceInvoice, 'currency' | 'invoiceDate' | 'dueDate'>,
  policy: InsurancePolicy,
): NotInsuredReason[] {
  const r: NotInsuredReason[] = [];
  if (!policy.countries.includes(buyer.country)) r.push('buyer_country_not_covered');
  if (buyer.affiliate === true && policy.exclusions.affiliates) r.push('affiliate_excluded');
  if (buyer.publicBuyer === true && policy.exclusions.publicBuyers) r.push('public_buyer_excluded');
  if (inv.currency !== policy.currency) r.push('currency_not_covered');
  if (inv.invoiceDate < policy.periodStart || inv.invoiceDate > policy.periodEnd) r.push('outside_policy_period');
  if (daysBetween(inv.invoiceDate, inv.dueDate) > policy.maxCreditTermsDays) r.push('terms_too_long');
  return r;
}

/** The insured part of an invoice still open at the end of `asOf`: the open eligible amount up to its insured amount. */
export function insuredOpenOn(ins: InsuredInvoice, inv: InsuranceInvoice, asOf: BusinessDate, policy: InsurancePolicy) {
  const open = eligibleShare(openOn(inv, asOf), inv, policy);
  return open < ins.insured ? open : ins.insured;
}

/**
 * The insured amount of each invoice of one buyer. Invoices are taken in delivery order (invoice date,
 * then id). An invoice is insured up to the headroom on its delivery date: the limit in force that day
 * minus the limit consumed by earlier invoices — each earlier invoice consumes its insured amount, but
 * never more than its eligible amount still open at the end of that day. Once set, an invoice's insured
 * amount never changes: a later reduction or withdrawal does not take cover away from it.
 */
export function insureInvoices(
  buyer: InsuredBuyer,
  invoices: readonly InsuranceInvoice[],
  events: readonly LimitEvent[],
  policy: InsurancePolicy,
): InsuredInvoice[] {
  const order = [...invoices].sort((a, b) =>
    a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const done: { ins: InsuredInvoice; inv: InsuranceInvoice }[] = [];
  for (const inv of order) {
    const eligible = eligibleShare(inv.gross, inv, policy);
    const limit = limitInForce(events, inv.invoiceDate, policy);
    const consumedBefore = done.reduce((a, d) => a + insuredOpenOn(d.ins, d.inv, inv.invoiceDate, policy), 0n);
    const reasons = exclusionsOf(buyer, inv, policy);
    let insured = 0n;
    if (reasons.length === 0) {
      const headroom = limit.amount - consumedBefore;
      if (limit.amount === 0n) reasons.push('no_limit');
      else if (headroom <= 0n) reasons.push('limit_exhausted');
      else {
        insured = eligible < headroom ? eligible : headroom;
        if (insured < eligible) reasons.push('above_limit');
      }
    }
    const ins: InsuredInvoice = {
      invoiceId: inv.id,
      invoiceDate: inv.invoiceDate,
      dueDate: inv.dueDate,
      gross: inv.gross,
      eligible,
      insured,
      uninsured: eligible - insured,
      limit,
      consumedBefore,
      reasons,
    };
    done.push({ ins, inv });
  }
  return done.map((d) => d.ins);
}
