import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import {
  type ClaimSettlement,
  indemnityDueDate,
  insureInvoices,
  type RecoveryShare,
  settleClaim,
  shareRecoveries,
} from '@credence/core/insurance-rules';
import type { LedgerReads } from '../ports';
import { insuranceFacts } from './insurance-facts';
import { policyNamed } from './policies-in-force';

export interface InsuranceClaimView {
  readonly policyNumber: string;
  readonly buyerId: string;
  readonly currency: string;
  readonly settlement: ClaimSettlement;
  readonly indemnityDue: BusinessDate;
  readonly indemnityPaid?: bigint;
  readonly recoveries: readonly RecoveryShare[];
  readonly owedToInsurer: bigint;
  readonly documents: readonly string[];
}

/**
 * A buyer's claim as it stands at the end of `asOf`: date of loss, the debts with the pre-loss payments applied
 * to the oldest, the indemnity and how it was reached, the recoveries and the insurer's share of them.
 */
export async function insuranceClaim(
  store: LedgerReads,
  x: { readonly policyNumber?: string; readonly buyerId: string; readonly asOf: BusinessDate },
): Promise<Result<InsuranceClaimView>> {
  const policy = await policyNamed(store, x.policyNumber);
  if (!policy.ok) return policy;
  const p = policy.value;
  const { facts, events } = await insuranceFacts(store, p, x.asOf);
  const f = facts.find((b) => b.buyer.buyerId === x.buyerId);
  if (f?.claim === undefined) return fail('not_found', { what: 'insurance_claim', id: x.buyerId });
  const claim = f.claim;
  const insured = insureInvoices(f.buyer, f.invoices, f.events, p);
  const own = events.get(x.buyerId) ?? [];
  const paidInYear = (await store.insuranceEvents({ policyNumber: p.policyNumber }))
    .filter(
      (e) =>
        e.kind === 'indemnity_paid' && e.buyerId !== x.buyerId && e.date.slice(0, 4) === claim.notifiedOn.slice(0, 4),
    )
    .reduce((a, e) => a + (e.amount ?? 0n), 0n);
  const settlement = settleClaim({
    policy: p,
    invoices: f.invoices,
    insured,
    notifiedOn: claim.notifiedOn,
    paidInYear,
    ...(claim.insolvencyDate !== undefined ? { insolvencyDate: claim.insolvencyDate } : {}),
  });
  const recoveries = own.filter((e) => e.kind === 'recovery').map((e) => ({ date: e.date, amount: e.amount ?? 0n }));
  const shared = shareRecoveries(settlement, recoveries, p.recoveriesSharing);
  const paid = own.find((e) => e.kind === 'indemnity_paid');
  return ok({
    policyNumber: p.policyNumber,
    buyerId: x.buyerId,
    currency: p.currency,
    settlement,
    indemnityDue: indemnityDueDate(settlement.dateOfLoss, p, claim.fileCompleteOn),
    ...(paid?.amount !== undefined ? { indemnityPaid: paid.amount } : {}),
    recoveries: shared.shares,
    owedToInsurer: shared.owedToInsurer,
    documents: claim.documents ?? [],
  });
}
