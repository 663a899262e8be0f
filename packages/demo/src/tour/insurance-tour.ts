import type { OpenInvoice, Store } from '@credence/app';
import { addDays, type BusinessDate, type CurrencyCode, daysBetween, exponentOf } from '@credence/core';

/** What the demo's credit insurance holds: the policy, the insured buyers and the one in each situation. */
export interface InsuranceTour {
  readonly policyNumber: string;
  /** Buyers with an insured limit approved. */
  readonly insured: readonly string[];
  /** The buyer whose limit the insurer reduced. */
  readonly reduced?: string;
  /** The buyer past its MEP (maximum extension period) on the demo's date, not yet notified. */
  readonly pastMep?: string;
  /** The buyer with an open claim (notified, waiting period running). */
  readonly claim?: string;
}

export const DEMO_POLICY_NUMBER = 'CI-2026-0042';
const BY = 'demo';

/** A decimal of `minor` minor units of the currency (what the use cases take). */
const decimal = (minor: bigint, currency: CurrencyCode): string => {
  const e = exponentOf(currency);
  if (e === 0) return minor.toString();
  const s = minor.toString().padStart(e + 1, '0');
  return `${s.slice(0, -e)}.${s.slice(-e)}`;
};

/**
 * The demo's credit insurance (issue 15), through the real use cases: a policy in the reporting currency covering
 * the countries of the buyers invoiced in it, insured limits approved at the start of the portfolio for the buyers
 * with the most open, one limit reduced three weeks ago, one limit expiring in three weeks, adverse information
 * learnt four days ago and not yet reported; one buyer past its MEP (not notified) and one open claim (notified
 * after its MEP, or early). `insurance deadlines` and the worklist show what falls due.
 */
export async function insuranceTour(
  store: Store,
  x: { readonly asOf: BusinessDate; readonly startDate: BusinessDate; readonly currency: CurrencyCode },
): Promise<InsuranceTour | undefined> {
  const { addInsurancePolicy, recordInsuranceEvent } = await import('@credence/app/insurance');
  const buyers = (await store.listBuyers()).filter((b) => b.currency === x.currency);
  const open = (await store.openInvoices(buyers.map((b) => b.id))).filter(
    (i) => i.currency === x.currency && i.open > 0n && i.issueDate >= x.startDate,
  );
  if (open.length === 0) return undefined;
  const byBuyer = new Map<string, OpenInvoice[]>();
  for (const i of open) byBuyer.set(i.buyerId, [...(byBuyer.get(i.buyerId) ?? []), i]);
  const total = (id: string) => (byBuyer.get(id) ?? []).reduce((s, i) => s + i.open, 0n);
  const oldestOverdue = (id: string) =>
    Math.max(0, ...(byBuyer.get(id) ?? []).map((i) => daysBetween(i.dueDate, x.asOf)));
  const countries = [...new Set(buyers.map((b) => b.country))].filter((c) => /^[A-Z]{2}$/.test(c)).sort();
  const added = await addInsurancePolicy(store, {
    body: {
      insurer: 'Atradius Demo',
      policyNumber: DEMO_POLICY_NUMBER,
      periodStart: x.startDate,
      periodEnd: addDays(x.asOf, 365),
      currency: x.currency,
      countries,
      coverPercent: 90,
      maxCreditTermsDays: 120,
      maxExtensionDays: 60,
      notificationRule: 'mep+30',
      deductiblePerBuyer: '500',
      discretionaryLimitMax: '25000',
    },
    reason: 'the demo policy',
    by: BY,
  });
  if (!added.ok) throw new Error(`demo insurance policy rejected: ${JSON.stringify(added.error)}`);
  const record = async (e: Omit<Parameters<typeof recordInsuranceEvent>[1], 'by' | 'policyNumber'>) => {
    const r = await recordInsuranceEvent(store, { ...e, policyNumber: DEMO_POLICY_NUMBER, by: BY });
    if (!r.ok) throw new Error(`demo insurance event rejected: ${JSON.stringify(r.error)}`);
  };
  const ids = [...byBuyer.keys()];
  // Past its MEP (60 days after the original due date): a buyer 61–89 days overdue first (its notification is still
  // in time), else the most overdue. The claim: the most overdue of the others past their MEP, else the most overdue
  // other buyer (notified early: a protracted default).
  const byOverdue = [...ids].sort((a, b) => oldestOverdue(b) - oldestOverdue(a) || (a < b ? -1 : 1));
  const past = byOverdue.filter((id) => oldestOverdue(id) > 60);
  const pastMep = past.find((id) => oldestOverdue(id) < 90) ?? past[0];
  const claim = byOverdue.find((id) => id !== pastMep);
  const largest = [...ids].sort((a, b) => (total(b) > total(a) ? 1 : total(b) < total(a) ? -1 : a < b ? -1 : 1));
  const insured = [...new Set([pastMep, claim, ...largest.slice(0, 6)].filter((id) => id !== undefined))];
  // A round limit of about 80 % of what each owes (an order above it is partly uninsured).
  const unit = 10n ** BigInt(exponentOf(x.currency) + 3);
  const limitOf = (id: string) => ((total(id) * 8n) / 10n / unit + 1n) * unit;
  for (const [n, id] of insured.entries()) {
    await record({ buyerId: id, kind: 'limit_requested', date: x.startDate, amount: decimal(limitOf(id), x.currency) });
    await record({
      buyerId: id,
      kind: 'limit_approved',
      date: x.startDate,
      amount: decimal(limitOf(id), x.currency),
      reference: `DEC-${1001 + n}`,
      // The last one is approved until three weeks after the demo's date: its expiry is a deadline.
      ...(n === insured.length - 1 ? { expiry: addDays(x.asOf, 21) } : {}),
    });
  }
  const reduced = largest.find((id) => id !== pastMep && id !== claim);
  if (reduced !== undefined)
    await record({
      buyerId: reduced,
      kind: 'limit_reduced',
      date: addDays(x.asOf, -21),
      amount: decimal(limitOf(reduced) / 2n, x.currency),
      reference: 'DEC-2001',
      reason: 'insurer review: payment experience',
    });
  const adverse = largest.find((id) => id !== pastMep && id !== claim && id !== reduced);
  if (adverse !== undefined)
    await record({ buyerId: adverse, kind: 'adverse_info', date: addDays(x.asOf, -4), reason: 'cheque returned' });
  if (claim !== undefined) {
    const oldest = oldestOverdue(claim);
    // Notified the day after its MEP (due + 60) when that is within the waiting period, else ten days ago.
    const notifiedOn = addDays(x.asOf, -Math.max(10, Math.min(140, oldest - 61)));
    await record({ buyerId: claim, kind: 'notification', date: notifiedOn, reference: 'CLM-7001' });
    await record({ buyerId: claim, kind: 'claim_document', date: notifiedOn, reference: 'statement of account' });
  }
  return {
    policyNumber: DEMO_POLICY_NUMBER,
    insured,
    ...(reduced !== undefined ? { reduced } : {}),
    ...(pastMep !== undefined ? { pastMep } : {}),
    ...(claim !== undefined ? { claim } : {}),
  };
}
