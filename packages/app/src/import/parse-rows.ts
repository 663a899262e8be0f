import type { Buyer, FxRate, LedgerDocument, Payment } from '@credence/core';
import type { Cells } from './cells';

/** Drops undefined members so the result fits `exactOptionalPropertyTypes` and hashes canonically. */
function defined<T extends object>(o: T): T {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

export function parseBuyer(c: Cells): Buyer | undefined {
  const b = {
    id: c.text('buyer_id', true),
    name: c.text('name', true),
    country: c.country('country'),
    currency: c.currency('currency'),
    paymentTermsDays: c.days('payment_terms_days'),
    legalId: c.text('legal_id'),
    industry: c.text('industry'),
    groupId: c.text('group_id'),
    language: c.text('language'),
    email: c.text('email'),
    salesOwner: c.text('sales_owner'),
    collector: c.text('collector'),
  };
  if (b.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(b.email))
    c.error('email', 'invalid_field', { reason: 'email' });
  return c.ok ? (defined(b) as Buyer) : undefined;
}

export function parseDocument(c: Cells): LedgerDocument | undefined {
  const currency = c.currency('currency');
  const d = {
    number: c.text('document_number', true),
    buyerId: c.text('buyer_id', true),
    type: c.choice('type', ['invoice', 'credit_note'] as const, 'invoice'),
    issueDate: c.date('issue_date', true),
    dueDate: c.date('due_date', true),
    deliveryDate: c.date('delivery_date'),
    orderRef: c.text('order_ref'),
    amount: c.amount('amount', currency, true),
    currency,
    appliesTo: c.text('applies_to'),
  };
  if (d.appliesTo !== undefined && d.type === 'invoice')
    c.error('applies_to', 'invalid_field', { reason: 'only_on_credit_notes' });
  if (d.issueDate !== undefined && d.dueDate !== undefined && d.dueDate < d.issueDate) {
    c.error('due_date', 'invalid_date', { reason: 'due_before_issue', issueDate: d.issueDate });
  }
  return c.ok ? (defined(d) as LedgerDocument) : undefined;
}

export function parsePayment(c: Cells): Payment | undefined {
  const currency = c.currency('currency');
  const p = {
    id: c.text('payment_id', true),
    buyerId: c.text('buyer_id', true),
    date: c.date('payment_date', true),
    amount: c.amount('amount', currency, true),
    currency,
    documentNumber: c.text('document_number'),
  };
  return c.ok ? (defined(p) as Payment) : undefined;
}

export function parseFxRate(c: Cells): FxRate | undefined {
  const r = {
    date: c.date('date', true),
    from: c.currency('from_currency'),
    to: c.currency('to_currency'),
    rate: c.decimal('rate'),
  };
  if (r.rate !== undefined && r.rate.coefficient <= 0n) c.error('rate', 'invalid_rate', { reason: 'not_positive' });
  if (r.from !== undefined && r.from === r.to) c.error('to_currency', 'invalid_rate', { reason: 'same_currency' });
  return c.ok ? (r as FxRate) : undefined;
}
