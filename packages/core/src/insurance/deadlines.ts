import { addDays, type BusinessDate, daysBetween } from '../calendar/date';
import { dateOfLoss, indemnityDueDate } from './claim';
import { type InsuranceInvoice, type InsuredBuyer, insureInvoices } from './insured';
import { type LimitEvent, limitInForce } from './limits';
import { mepOf } from './mep';
import type { InsurancePolicy } from './policy';

export const DEADLINE_KINDS = [
  'mep',
  'notify_overdue',
  'adverse_info',
  'claim_file',
  'indemnity_expected',
  'limit_expiry',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  readonly buyerId: string;
  readonly kind: DeadlineKind;
  /** The last day on which the act is still in time (for indemnity_expected: the day it is due). */
  readonly date: BusinessDate;
  /** date − asOf; negative when the deadline has passed. */
  readonly daysLeft: number;
  readonly amount: bigint;
  readonly documents: readonly string[];
}

/** What is known about one insured buyer. */
export interface BuyerInsuranceFacts {
  readonly buyer: InsuredBuyer;
  readonly invoices: readonly InsuranceInvoice[];
  readonly events: readonly LimitEvent[];
  /** Adverse information learnt on `date`, reported to the insurer on `reportedOn` (if it was). */
  readonly adverseInfo?: readonly { readonly date: BusinessDate; readonly reportedOn?: BusinessDate }[];
  /** The overdue notification (the claim's start), if made. */
  readonly claim?: {
    readonly notifiedOn: BusinessDate;
    readonly insolvencyDate?: BusinessDate;
    readonly fileCompleteOn?: BusinessDate;
    readonly indemnifiedOn?: BusinessDate;
    readonly expectedIndemnity?: bigint;
    readonly documents?: readonly string[];
  };
}

/**
 * The deadlines of one buyer still to be met at the end of `asOf`:
 * - `mep` and `notify_overdue` while an insured invoice is past its original due date and no notification
 *   was made (the MEP, then the notification rule's last day);
 * - `adverse_info` for each adverse information not yet reported (its date + adverseInfoDays);
 * - `claim_file` after the notification until the file is complete: due by the date of loss;
 * - `indemnity_expected` until the indemnity is paid: indemnityDays after the later of the date of loss and
 *   the complete file (from the date of loss while the file is incomplete);
 * - `limit_expiry` for the limit in force today when it has a last day (approval expiry, discretionary end).
 */
export function buyerDeadlines(f: BuyerInsuranceFacts, policy: InsurancePolicy, asOf: BusinessDate): Deadline[] {
  const out: Deadline[] = [];
  const add = (kind: DeadlineKind, date: BusinessDate, amount: bigint, documents: readonly string[]) =>
    out.push({ buyerId: f.buyer.buyerId, kind, date, daysLeft: daysBetween(asOf, date), amount, documents });
  if (f.claim === undefined) {
    const insured = insureInvoices(f.buyer, f.invoices, f.events, policy);
    const m = mepOf(insured, f.invoices, asOf, policy);
    if (m !== null && m.overdueInvoiceIds.length > 0) {
      add('mep', m.mep, m.overdueInsured, m.overdueInvoiceIds);
      add('notify_overdue', m.notifyBy, m.overdueInsured, m.overdueInvoiceIds);
    }
  } else {
    const c = f.claim;
    const loss = dateOfLoss(c.notifiedOn, policy, c.insolvencyDate);
    const docs = c.documents ?? [];
    if (c.fileCompleteOn === undefined) add('claim_file', loss, c.expectedIndemnity ?? 0n, docs);
    if (c.indemnifiedOn === undefined)
      add('indemnity_expected', indemnityDueDate(loss, policy, c.fileCompleteOn), c.expectedIndemnity ?? 0n, docs);
  }
  for (const a of f.adverseInfo ?? [])
    if (a.reportedOn === undefined) add('adverse_info', addDays(a.date, policy.adverseInfoDays), 0n, []);
  const limit = limitInForce(f.events, asOf, policy);
  if (limit.amount > 0n && limit.validUntil !== undefined && limit.validUntil >= asOf)
    add('limit_expiry', limit.validUntil, limit.amount, []);
  return out;
}

/** All buyers' deadlines falling within `withinDays` of `asOf` (passed ones included), soonest first. */
export function deadlinesDue(
  facts: readonly BuyerInsuranceFacts[],
  policy: InsurancePolicy,
  asOf: BusinessDate,
  withinDays = 30,
): Deadline[] {
  return facts
    .flatMap((f) => buyerDeadlines(f, policy, asOf))
    .filter((d) => d.daysLeft <= withinDays)
    .sort(
      (a, b) =>
        a.daysLeft - b.daysLeft ||
        (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : 0) ||
        (a.kind < b.kind ? -1 : 1),
    );
}
