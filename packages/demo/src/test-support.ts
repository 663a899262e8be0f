import { addMonths, type BusinessDate, date, daysBetween } from '@credence/core';
import { generatePortfolio, type Portfolio } from './portfolio';
import type { BehaviourProfile, InvoiceRow, PaymentRow } from './rows';

/** Shared by the demo tests: one medium portfolio, generated once per test file. */
export const END: BusinessDate = date('2025-06-30');
export const medium = (seed = 7): Portfolio => generatePortfolio({ seed, endDate: END });

export function buyersWith(p: Portfolio, profile: BehaviourProfile): string[] {
  return p.profiles.filter((x) => x.profile === profile).map((x) => x.buyer_id);
}

export const ofBuyer = <T extends { buyer_id: string }>(rows: readonly T[], id: string): T[] =>
  rows.filter((r) => r.buyer_id === id);

/** Days between each named payment and its invoice's due date, with the due date. */
export function namedDelays(
  docs: readonly InvoiceRow[],
  payments: readonly PaymentRow[],
): { due: BusinessDate; delay: number }[] {
  const byNumber = new Map(docs.map((d) => [d.document_number, d]));
  return payments.flatMap((p) => {
    const inv = byNumber.get(p.document_number);
    if (!inv) return [];
    const due = date(inv.due_date);
    return [{ due, delay: daysBetween(due, date(p.payment_date)) }];
  });
}

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
export const monthsBefore = (n: number): BusinessDate => addMonths(END, -n);
