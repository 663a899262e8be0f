import { addDays, type BusinessDate } from '../calendar/date';
import { type InsuranceInvoice, type InsuredInvoice, insuredOpenOn } from './insured';
import type { InsurancePolicy } from './policy';

export interface MepStatus {
  /** Original due date of the oldest unpaid insured invoice + maxExtensionDays: the last day of the extension. */
  readonly mep: BusinessDate;
  readonly oldestInvoiceId: string;
  readonly originalDueDate: BusinessDate;
  /** True from the day after the MEP: no more deliveries on insured terms. */
  readonly passed: boolean;
  /** Last day to notify the overdue under the policy's notification rule. */
  readonly notifyBy: BusinessDate;
  /** Insured amount open on invoices past their original due date at the end of `asOf`. */
  readonly overdueInsured: bigint;
  readonly overdueInvoiceIds: readonly string[];
}

/** The unpaid insured invoices at the end of `asOf`, oldest original due date first. */
export function unpaidInsured(
  insured: readonly InsuredInvoice[],
  invoices: readonly InsuranceInvoice[],
  asOf: BusinessDate,
  policy: InsurancePolicy,
): { ins: InsuredInvoice; inv: InsuranceInvoice; open: bigint }[] {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const rows: { ins: InsuredInvoice; inv: InsuranceInvoice; open: bigint }[] = [];
  for (const ins of insured) {
    const inv = byId.get(ins.invoiceId);
    if (inv === undefined || ins.insured === 0n || inv.invoiceDate > asOf) continue;
    const open = insuredOpenOn(ins, inv, asOf, policy);
    if (open > 0n) rows.push({ ins, inv, open });
  }
  return rows.sort((a, b) =>
    a.inv.dueDate !== b.inv.dueDate
      ? a.inv.dueDate < b.inv.dueDate
        ? -1
        : 1
      : a.inv.invoiceDate !== b.inv.invoiceDate
        ? a.inv.invoiceDate < b.inv.invoiceDate
          ? -1
          : 1
        : a.inv.id < b.inv.id
          ? -1
          : 1,
  );
}

/**
 * The MEP of a buyer at the end of `asOf` — null when no insured invoice is unpaid. Only the original due
 * date counts: extensions, promises and payment plans never move it. The notification deadline is the
 * earliest `anchor + N` over the unpaid insured invoices (anchor = MEP, due date or invoice date).
 */
export function mepOf(
  insured: readonly InsuredInvoice[],
  invoices: readonly InsuranceInvoice[],
  asOf: BusinessDate,
  policy: InsurancePolicy,
): MepStatus | null {
  const rows = unpaidInsured(insured, invoices, asOf, policy);
  const oldest = rows[0];
  if (oldest === undefined) return null;
  const mep = addDays(oldest.inv.dueDate, policy.maxExtensionDays);
  const { anchor, days } = policy.notification;
  let notifyBy: BusinessDate = addDays(mep, days);
  if (anchor !== 'mep') {
    const dates = rows.map((r) => addDays(anchor === 'due' ? r.inv.dueDate : r.inv.invoiceDate, days));
    notifyBy = dates.reduce((a, d) => (d < a ? d : a));
  }
  const overdue = rows.filter((r) => r.inv.dueDate < asOf);
  return {
    mep,
    oldestInvoiceId: oldest.inv.id,
    originalDueDate: oldest.inv.dueDate,
    passed: asOf > mep,
    notifyBy,
    overdueInsured: overdue.reduce((a, r) => a + r.open, 0n),
    overdueInvoiceIds: overdue.map((r) => r.inv.id),
  };
}
