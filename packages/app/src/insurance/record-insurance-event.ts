import { type BusinessDate, fail, ok, parseMoney, type Result } from '@credence/core';
import type { Store } from '../ports';
import { policyNamed } from './policies-in-force';
import { INSURANCE_EVENT_KINDS, type InsuranceEvent, type InsuranceEventKind } from './ports';

const NEEDS_AMOUNT = new Set<InsuranceEventKind>([
  'limit_requested',
  'limit_approved',
  'limit_reduced',
  'discretionary',
  'indemnity_paid',
  'recovery',
]);
const ONCE = new Set<InsuranceEventKind>(['notification', 'insolvency', 'claim_file_complete', 'indemnity_paid']);
const NEEDS_CLAIM = new Set<InsuranceEventKind>([
  'insolvency',
  'claim_document',
  'claim_file_complete',
  'indemnity_paid',
  'recovery',
]);

export interface InsuranceEventInput {
  readonly policyNumber?: string;
  readonly buyerId: string;
  readonly kind: string;
  readonly date: BusinessDate;
  /** A decimal in the policy's currency. */
  readonly amount?: string;
  readonly currency?: string;
  readonly expiry?: BusinessDate;
  readonly reference?: string;
  readonly reason?: string;
  readonly by: string;
}

/**
 * Records one dated fact under a policy (`insurance limit request|approve|reduce|withdraw`, `insurance
 * discretionary`, `insurance claim …`): validated against the policy (currency, the discretionary maximum, a
 * claim step needs the notification first, a notification is made once), audited. Recording the same fact
 * again (same kind, buyer, date, amount and reference) returns the stored one.
 */
export async function recordInsuranceEvent(store: Store, x: InsuranceEventInput): Promise<Result<InsuranceEvent>> {
  if (!(INSURANCE_EVENT_KINDS as readonly string[]).includes(x.kind))
    return fail('invalid_field', { field: 'kind', value: x.kind });
  const kind = x.kind as InsuranceEventKind;
  if (x.by.trim() === '') return fail('missing_field', { field: 'by' });
  const policy = await policyNamed(store, x.policyNumber);
  if (!policy.ok) return policy;
  const p = policy.value;
  if (x.currency !== undefined && x.currency.toUpperCase() !== p.currency)
    return fail('currency_mismatch', { expected: p.currency, got: x.currency });
  let amount: bigint | undefined;
  if (x.amount !== undefined) {
    const m = parseMoney(x.amount, p.currency);
    if (!m.ok) return m;
    if (m.value.amount < 0n) return fail('invalid_amount', { value: x.amount, reason: 'negative' });
    amount = m.value.amount;
  } else if (NEEDS_AMOUNT.has(kind)) return fail('missing_field', { field: 'amount' });
  if (kind === 'discretionary' && amount !== undefined && amount > p.discretionaryLimitMax)
    return fail('invalid_amount', { value: x.amount ?? '', reason: 'above_discretionary_limit_max' });
  if (x.expiry !== undefined && x.expiry < x.date)
    return fail('invalid_date', { value: x.expiry, reason: 'expiry_before_date' });
  if ((await store.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
  return store.transact(async (tx) => {
    await tx.lock(`insurance:${p.policyNumber}:${x.buyerId}`);
    const events = await tx.insuranceEvents({ policyNumber: p.policyNumber, buyerId: x.buyerId });
    const same = events.find(
      (e) => e.kind === kind && e.date === x.date && e.amount === amount && e.reference === x.reference,
    );
    if (same !== undefined) return ok(same);
    if (ONCE.has(kind) && events.some((e) => e.kind === kind))
      return fail('not_allowed', { reason: `${kind}_recorded_already`, buyer: x.buyerId });
    const notified = events.find((e) => e.kind === 'notification');
    if (NEEDS_CLAIM.has(kind) && notified === undefined)
      return fail('not_allowed', { reason: 'no_notification', buyer: x.buyerId });
    return ok(
      await tx.appendInsuranceEvent({
        policyNumber: p.policyNumber,
        buyerId: x.buyerId,
        kind,
        date: x.date,
        ...(amount !== undefined ? { amount } : {}),
        ...(x.expiry !== undefined ? { expiry: x.expiry } : {}),
        ...(x.reference !== undefined ? { reference: x.reference } : {}),
        reason: x.reason?.trim() || kind,
        by: x.by,
      }),
    );
  });
}
