import { addDays, type BusinessDate, type CurrencyCode } from '@credence/core';
import {
  type DeliveryQuote,
  type InsurancePolicy,
  insureInvoices,
  mepOf,
  quoteDelivery,
} from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { limitEventsOf } from './insurance-facts';
import { policiesInForce } from './policies-in-force';

/** What the credit insurance says about an order: the buyer past its MEP, the part of the order not insured. */
export interface InsuranceForOrder {
  readonly policyNumber: string;
  readonly currency: CurrencyCode;
  /** The MEP (last day of the extension) when the order date is after it. */
  readonly mepPassed?: { readonly mep: BusinessDate; readonly invoice: string };
  readonly quote: DeliveryQuote;
}

/**
 * The insurance side of an order check: under the policy the buyer has events with, whether the buyer is past its
 * MEP on `asOf` (deliveries on insured terms stop) and how much of the order, delivered that day on the buyer's
 * terms, would be insured. Undefined when no policy names the buyer or the order is in another currency.
 */
export async function insuranceForOrder(
  store: Pick<LedgerReads, 'insurancePolicies' | 'insuranceEvents' | 'insuranceLedger' | 'getBuyer'>,
  x: {
    readonly buyerId: string;
    readonly asOf: BusinessDate;
    readonly amount: bigint;
    readonly currency: CurrencyCode;
    /** The policies in force when the caller caches them (the server does); else read from the store. */
    readonly policies?: readonly InsurancePolicy[];
  },
): Promise<InsuranceForOrder | undefined> {
  const policies = x.policies ?? (await policiesInForce(store));
  if (policies.length === 0) return undefined;
  const events = (await store.insuranceEvents({ buyerId: x.buyerId })).filter((e) => e.date <= x.asOf);
  const policy = policies.find((p) => events.some((e) => e.policyNumber === p.policyNumber));
  const buyer = policy === undefined ? undefined : await store.getBuyer(x.buyerId);
  if (policy === undefined || buyer === undefined || policy.currency !== x.currency) return undefined;
  const mine = events.filter((e) => e.policyNumber === policy.policyNumber);
  const limits = limitEventsOf(mine);
  const invoices = await store.insuranceLedger(x.buyerId, x.asOf);
  const insured = { buyerId: buyer.id, country: buyer.country };
  const mep = mepOf(insureInvoices(insured, invoices, limits, policy), invoices, x.asOf, policy);
  const quote = quoteDelivery(insured, invoices, limits, policy, {
    date: x.asOf,
    dueDate: addDays(x.asOf, buyer.paymentTermsDays),
    gross: x.amount,
    vat: 0n,
    currency: x.currency,
  });
  return {
    policyNumber: policy.policyNumber,
    currency: policy.currency,
    ...(mep?.passed === true ? { mepPassed: { mep: mep.mep, invoice: mep.oldestInvoiceId } } : {}),
    quote,
  };
}
