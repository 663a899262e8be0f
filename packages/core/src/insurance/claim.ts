import { addDays, type BusinessDate } from '../calendar/date';
import { divideRounded, splitLargestRemainder } from '../money/round';
import { eligibleShare, type InsuranceInvoice, type InsuredInvoice, openOn } from './insured';
import type { InsurancePolicy } from './policy';

/** Date of loss: the last day of the waiting period after the notification, or the insolvency date if earlier. */
export function dateOfLoss(
  notifiedOn: BusinessDate,
  policy: InsurancePolicy,
  insolvencyDate?: BusinessDate,
): BusinessDate {
  const protracted = addDays(notifiedOn, policy.waitingPeriodDays);
  return insolvencyDate !== undefined && insolvencyDate < protracted ? insolvencyDate : protracted;
}

/** When the indemnity is due: indemnityDays after the later of the date of loss and the complete claim file. */
export function indemnityDueDate(
  loss: BusinessDate,
  policy: InsurancePolicy,
  fileCompleteOn?: BusinessDate,
): BusinessDate {
  const from = fileCompleteOn !== undefined && fileCompleteOn > loss ? fileCompleteOn : loss;
  return addDays(from, policy.indemnityDays);
}

export interface ClaimDebt {
  readonly invoiceId: string;
  readonly dueDate: BusinessDate;
  /** Gross open at the end of the notification day. */
  readonly openAtNotification: bigint;
  /** Payments received up to the date of loss, applied to the oldest debt first. */
  readonly preLossPaid: bigint;
  readonly remaining: bigint;
  /** The remaining amount in the policy's basis (net of VAT when VAT is excluded). */
  readonly loss: bigint;
  /** The part of the loss within the invoice's insured amount. */
  readonly insuredLoss: bigint;
}

export interface IndemnityStep {
  readonly code: string;
  readonly amount: bigint;
}

export interface ClaimSettlement {
  readonly notifiedOn: BusinessDate;
  readonly dateOfLoss: BusinessDate;
  readonly debts: readonly ClaimDebt[];
  readonly loss: bigint;
  readonly insuredLoss: bigint;
  readonly indemnity: bigint;
  /** How the indemnity was reached, in order (codes with the amount after each step). */
  readonly steps: readonly IndemnityStep[];
}

/** cover% of an amount: amount × coverBp / 10 000, rounded half-up — the one rounding of the indemnity. */
export function applyCover(amount: bigint, coverBp: number): bigint {
  return divideRounded(amount * BigInt(coverBp), 10_000n, 'half-up');
}

/**
 * The indemnity from the loss and the insured loss:
 * nothing if loss ≤ nonQualifyingLoss; else (insuredLoss − deductible, at least 0) × cover%, at most
 * insuredLoss − minimumRetention (the insured keeps at least the retention), at most what is left of the
 * year's maximum after `paidInYear`.
 */
export function indemnityOf(
  loss: bigint,
  insuredLoss: bigint,
  policy: InsurancePolicy,
  paidInYear = 0n,
): { indemnity: bigint; steps: IndemnityStep[] } {
  const steps: IndemnityStep[] = [{ code: 'insured_loss', amount: insuredLoss }];
  if (loss <= policy.nonQualifyingLoss) {
    steps.push({ code: 'non_qualifying_loss', amount: 0n });
    return { indemnity: 0n, steps };
  }
  let x = insuredLoss - policy.deductiblePerBuyer;
  if (x < 0n) x = 0n;
  steps.push({ code: 'after_deductible', amount: x });
  x = applyCover(x, policy.coverBp);
  steps.push({ code: 'cover_percent', amount: x });
  const retentionCap = insuredLoss - policy.minimumRetention;
  if (x > retentionCap) {
    x = retentionCap > 0n ? retentionCap : 0n;
    steps.push({ code: 'minimum_retention', amount: x });
  }
  if (policy.maximumIndemnityPerYear !== null) {
    const left = policy.maximumIndemnityPerYear - paidInYear;
    const cap = left > 0n ? left : 0n;
    if (x > cap) {
      x = cap;
      steps.push({ code: 'yearly_maximum', amount: x });
    }
  }
  return { indemnity: x, steps };
}

/**
 * Settles a claim. The debts are the insured buyer's invoices open at the end of the notification day; every
 * settlement dated after it and up to the date of loss (the loss is fixed at the end of that day), and every
 * unallocated payment in that window, is applied to the oldest debt first (original due date, then invoice
 * date), whatever the buyer wrote on it. Settlements after the date of loss are recoveries (see recoveries.ts).
 */
export function settleClaim(input: {
  readonly policy: InsurancePolicy;
  readonly invoices: readonly InsuranceInvoice[];
  readonly insured: readonly InsuredInvoice[];
  readonly notifiedOn: BusinessDate;
  readonly insolvencyDate?: BusinessDate;
  readonly unallocatedPayments?: readonly { readonly date: BusinessDate; readonly amount: bigint }[];
  readonly paidInYear?: bigint;
}): ClaimSettlement {
  const { policy, notifiedOn } = input;
  const loss = dateOfLoss(notifiedOn, policy, input.insolvencyDate);
  const insuredById = new Map(input.insured.map((i) => [i.invoiceId, i.insured]));
  const debts = input.invoices
    .filter((inv) => inv.invoiceDate <= notifiedOn && openOn(inv, notifiedOn) > 0n)
    .sort((a, b) =>
      a.dueDate !== b.dueDate
        ? a.dueDate < b.dueDate
          ? -1
          : 1
        : a.invoiceDate < b.invoiceDate
          ? -1
          : a.id < b.id
            ? -1
            : 1,
    );
  const inWindow = (d: BusinessDate) => d > notifiedOn && d <= loss;
  let pool = (input.unallocatedPayments ?? []).filter((p) => inWindow(p.date)).reduce((a, p) => a + p.amount, 0n);
  for (const inv of debts) for (const s of inv.settlements) if (inWindow(s.date)) pool += s.amount;
  const rows: ClaimDebt[] = debts.map((inv) => {
    const open = openOn(inv, notifiedOn);
    const paid = pool < open ? pool : open;
    pool -= paid;
    const remaining = open - paid;
    const l = eligibleShare(remaining, inv, policy);
    const cap = insuredById.get(inv.id) ?? 0n;
    return {
      invoiceId: inv.id,
      dueDate: inv.dueDate,
      openAtNotification: open,
      preLossPaid: paid,
      remaining,
      loss: l,
      insuredLoss: l < cap ? l : cap,
    };
  });
  const totalLoss = rows.reduce((a, r) => a + r.loss, 0n);
  const insuredLoss = rows.reduce((a, r) => a + r.insuredLoss, 0n);
  const { indemnity, steps } = indemnityOf(totalLoss, insuredLoss, policy, input.paidInYear ?? 0n);
  return { notifiedOn, dateOfLoss: loss, debts: rows, loss: totalLoss, insuredLoss, indemnity, steps };
}

/** The indemnity spread over the debts in proportion to their insured loss (largest remainder). */
export function indemnityPerDebt(c: ClaimSettlement): bigint[] {
  if (c.indemnity === 0n || c.insuredLoss === 0n) return c.debts.map(() => 0n);
  return splitLargestRemainder(
    c.indemnity,
    c.debts.map((d) => d.insuredLoss),
  );
}
