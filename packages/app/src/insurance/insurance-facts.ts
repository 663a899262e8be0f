import type { BusinessDate, Buyer } from '@credence/core';
import type { BuyerInsuranceFacts, InsurancePolicy, InsuredBuyer, LimitEvent } from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import type { InsuranceEvent } from './ports';

/** The buyer as a policy sees it: its country, and whether it is an affiliate or a public buyer (import columns). */
export const insuredBuyerOf = (b: Buyer): InsuredBuyer => ({
  buyerId: b.id,
  country: b.country,
  ...(b.affiliate === true ? { affiliate: true } : {}),
  ...(b.publicBuyer === true ? { publicBuyer: true } : {}),
});

/** The core's limit history from the stored events (in recording order: `seq` is the event's id). */
export function limitEventsOf(events: readonly InsuranceEvent[]): LimitEvent[] {
  const out: LimitEvent[] = [];
  for (const e of events) {
    const seq = e.id;
    const amount = e.amount ?? 0n;
    if (e.kind === 'limit_requested') out.push({ kind: 'requested', date: e.date, amount, seq });
    else if (e.kind === 'limit_approved' || e.kind === 'limit_reduced')
      out.push({
        kind: e.kind === 'limit_approved' ? 'approved' : 'reduced',
        date: e.date,
        amount,
        seq,
        ...(e.expiry !== undefined ? { expiry: e.expiry } : {}),
        ...(e.reference !== undefined ? { reference: e.reference } : {}),
      });
    else if (e.kind === 'limit_withdrawn') out.push({ kind: 'withdrawn', date: e.date, seq });
    else if (e.kind === 'discretionary') out.push({ kind: 'discretionary', date: e.date, amount, seq });
    else if (e.kind === 'adverse_info') out.push({ kind: 'adverse_info', date: e.date, seq });
  }
  return out;
}

/** The claim of a buyer from its events: the notification, insolvency, complete file, indemnity, documents. */
export function claimOf(events: readonly InsuranceEvent[]): BuyerInsuranceFacts['claim'] {
  const notification = events.find((e) => e.kind === 'notification');
  if (notification === undefined) return undefined;
  const insolvency = events.find((e) => e.kind === 'insolvency');
  const complete = events.find((e) => e.kind === 'claim_file_complete');
  const paid = events.find((e) => e.kind === 'indemnity_paid');
  return {
    notifiedOn: notification.date,
    ...(insolvency !== undefined ? { insolvencyDate: insolvency.date } : {}),
    ...(complete !== undefined ? { fileCompleteOn: complete.date } : {}),
    ...(paid !== undefined ? { indemnifiedOn: paid.date } : {}),
    documents: events.filter((e) => e.kind === 'claim_document').map((e) => e.reference ?? ''),
  };
}

/**
 * What the rules need of every buyer with events under the policy, known at the end of `asOf`: the buyer's
 * country, its invoices (from the ledger), limit history, adverse information and claim. Events recorded with a
 * later date are not known yet.
 */
export async function insuranceFacts(
  store: Pick<LedgerReads, 'insuranceEvents' | 'insuranceLedger' | 'findBuyers'>,
  policy: InsurancePolicy,
  asOf: BusinessDate,
): Promise<{ facts: BuyerInsuranceFacts[]; events: Map<string, InsuranceEvent[]> }> {
  const all = (await store.insuranceEvents({ policyNumber: policy.policyNumber })).filter((e) => e.date <= asOf);
  const byBuyer = new Map<string, InsuranceEvent[]>();
  for (const e of all) byBuyer.set(e.buyerId, [...(byBuyer.get(e.buyerId) ?? []), e]);
  const buyers = await store.findBuyers([...byBuyer.keys()]);
  const facts: BuyerInsuranceFacts[] = [];
  for (const b of [...buyers].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const events = byBuyer.get(b.id) ?? [];
    const claim = claimOf(events);
    const reported = events.filter((e) => e.kind === 'adverse_reported').map((e) => e.date);
    facts.push({
      buyer: insuredBuyerOf(b),
      invoices: await store.insuranceLedger(b.id, asOf),
      events: limitEventsOf(events),
      adverseInfo: events
        .filter((e) => e.kind === 'adverse_info')
        .map((e) => {
          const r = reported.find((d) => d >= e.date);
          return r === undefined ? { date: e.date } : { date: e.date, reportedOn: r };
        }),
      ...(claim !== undefined ? { claim } : {}),
    });
  }
  return { facts, events: byBuyer };
}
