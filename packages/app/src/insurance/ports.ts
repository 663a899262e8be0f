import type { BusinessDate } from '@credence/core';
import type { InsuranceInvoice } from '@credence/core/insurance-rules';

/** One stored version of a credit insurance policy: its JSON as validated, who stored it, when and why. */
export interface StoredInsurancePolicy {
  readonly policyNumber: string;
  /** 1, 2, … per policy number; the newest is in force. */
  readonly version: number;
  readonly body: unknown;
  readonly reason: string;
  readonly by: string;
  readonly recordedAt: Date;
}

export const INSURANCE_EVENT_KINDS = [
  'limit_requested',
  'limit_approved',
  'limit_reduced',
  'limit_withdrawn',
  'discretionary',
  'adverse_info',
  'adverse_reported',
  'notification',
  'insolvency',
  'claim_document',
  'claim_file_complete',
  'indemnity_paid',
  'recovery',
] as const;
export type InsuranceEventKind = (typeof INSURANCE_EVENT_KINDS)[number];

/**
 * A dated fact about an insured buyer under a policy: the insurer's limit decisions, the insured's own
 * discretionary limits, adverse information, the overdue notification and the claim's steps. Append-only.
 */
export interface InsuranceEvent {
  readonly id: number;
  readonly policyNumber: string;
  readonly buyerId: string;
  readonly kind: InsuranceEventKind;
  /** The decision's, report's, notification's or payment's date. */
  readonly date: BusinessDate;
  /** Minor units of the policy's currency. */
  readonly amount?: bigint;
  readonly expiry?: BusinessDate;
  /** The insurer's decision or claim reference, a document's name. */
  readonly reference?: string;
  readonly reason: string;
  readonly by: string;
  readonly recordedAt: Date;
}

export type InsuranceEventDraft = Omit<InsuranceEvent, 'id' | 'recordedAt'>;

export interface InsuranceReads {
  /** Every stored version of every policy, by policy number and version. */
  insurancePolicies(): Promise<StoredInsurancePolicy[]>;
  /** Events of one policy (and buyer), in recording order. */
  insuranceEvents(q?: { readonly policyNumber?: string; readonly buyerId?: string }): Promise<InsuranceEvent[]>;
  /**
   * A buyer's invoices issued on or before `asOf` (paid ones too: they consumed the limit while open), with what
   * reduced each (payments, credit notes, write-offs, net of reversals) per date up to `asOf`. The invoice date is
   * the delivery date when there is one; `vat` the VAT the invoice was imported with (0 without).
   */
  insuranceLedger(buyerId: string, asOf: BusinessDate): Promise<InsuranceInvoice[]>;
}

export interface InsuranceWrites {
  /** Stores the next version of a policy (lock `insurance:<policyNumber>` first). */
  appendInsurancePolicy(
    p: Pick<StoredInsurancePolicy, 'policyNumber' | 'body' | 'reason' | 'by'>,
  ): Promise<StoredInsurancePolicy>;
  appendInsuranceEvent(e: InsuranceEventDraft): Promise<InsuranceEvent>;
}
