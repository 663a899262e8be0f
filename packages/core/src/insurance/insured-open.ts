import type { BusinessDate } from '../calendar/date';
import { type InsuranceInvoice, type InsuredBuyer, insuredOpenOn, insureInvoices } from './insured';
import type { LimitEvent } from './limits';
import type { InsurancePolicy } from './policy';

/** The insured part of one invoice still open at the end of a date, with the invoice's original due date. */
export interface InsuredOpenItem {
  readonly invoiceId: string;
  readonly dueDate: BusinessDate;
  readonly insured: bigint;
}

/**
 * Every invoice of one buyer delivered by `asOf` that still has an insured part open at the end of `asOf`
 * (the rules of `insureInvoices` and `insuredOpenOn`): what an impairment reduces by the cover, bucketed by the
 * original due date.
 */
export function insuredOpenItems(
  buyer: InsuredBuyer,
  invoices: readonly InsuranceInvoice[],
  events: readonly LimitEvent[],
  policy: InsurancePolicy,
  asOf: BusinessDate,
): InsuredOpenItem[] {
  const past = invoices.filter((i) => i.invoiceDate <= asOf);
  const byId = new Map(past.map((i) => [i.id, i]));
  const out: InsuredOpenItem[] = [];
  for (const x of insureInvoices(buyer, past, events, policy)) {
    const inv = byId.get(x.invoiceId);
    if (inv === undefined) continue;
    const insured = insuredOpenOn(x, inv, asOf, policy);
    if (insured > 0n) out.push({ invoiceId: x.invoiceId, dueDate: inv.dueDate, insured });
  }
  return out;
}
