import {
  type BusinessDate,
  type Buyer,
  type CurrencyCode,
  type ExternalGrade,
  type FinancialStatement,
  type FxRate,
  type LedgerDocument,
  ORDER_STATUSES,
  type Order,
  type Payment,
  STATEMENT_LINES,
  type StatementLine,
} from '@credence/core';
import type { Cells } from './cells';
import { lineColumn } from './fields';

const INTEREST_REGIMES = ['eu', 'uk', 'de-b2b', 'de-consumer', 'fr', 'cn', 'contract', 'none'] as const;
/** An agreed late-payment rate: `12%/year` or `0.05%/day`. */
const RATE = /^\d+(\.\d+)?%\/(day|year)$/;

/** Drops undefined members so the result fits `exactOptionalPropertyTypes` and hashes canonically. */
function defined<T extends object>(o: T): T {
  const out: Partial<T> = {};
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/** A yes/no column: true or false, absent when empty. */
const yes = (v: 'yes' | 'no' | undefined): boolean | undefined => (v === undefined ? undefined : v === 'yes');

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
    address: c.text('address'),
    interestRegime: c.choice('interest_regime', INTEREST_REGIMES, undefined),
    interestRate: c.text('interest_rate'),
    phone: c.text('phone'),
    affiliate: yes(c.choice('affiliate', ['yes', 'no'] as const)),
    publicBuyer: yes(c.choice('public_buyer', ['yes', 'no'] as const)),
  };
  if (b.interestRate !== undefined && !RATE.test(b.interestRate))
    c.error('interest_rate', 'invalid_rate', { reason: 'rate_format' });
  if (b.interestRegime === 'contract' && b.interestRate === undefined)
    c.error('interest_rate', 'missing_field', { field: 'interest_rate' });
  if (b.interestRate !== undefined && b.interestRegime !== 'contract')
    c.error('interest_rate', 'invalid_field', { reason: 'rate_only_with_contract' });
  return c.ok ? (defined(b) as Buyer) : undefined;
}

export function parseDocument(c: Cells): LedgerDocument | undefined {
  const currency = c.currency('currency');
  const number = c.text('document_number', true);
  const buyerId = c.text('buyer_id', true);
  const type = c.choice('type', ['invoice', 'credit_note'] as const, 'invoice');
  const issueDate = c.date('issue_date', true);
  const dueDate = c.date('due_date', true);
  const deliveryDate = c.date('delivery_date');
  const orderRef = c.text('order_ref');
  const amount = c.amount('amount', currency, true);
  const appliesTo = c.text('applies_to');
  const disputed = c.choice('disputed', ['yes', 'no'] as const);
  const paperless = c.choice('paperless', ['yes', 'no'] as const);
  const vat = c.text('vat') === undefined ? undefined : c.amount('vat', currency, false);
  if (vat !== undefined && vat < 0n) c.error('vat', 'invalid_amount', { reason: 'negative' });
  if (vat !== undefined && amount !== undefined && vat > amount)
    c.error('vat', 'invalid_amount', { reason: 'vat_above_amount' });
  if (appliesTo !== undefined && type === 'invoice')
    c.error('applies_to', 'invalid_field', { reason: 'only_on_credit_notes' });
  if (issueDate !== undefined && dueDate !== undefined && dueDate < issueDate) {
    c.error('due_date', 'invalid_date', { reason: 'due_before_issue', issueDate });
  }
  if (!c.ok) return undefined;
  // Built member by member (not through `defined`): a million rows.
  const d: { -readonly [K in keyof LedgerDocument]: LedgerDocument[K] } = {
    number: number as string,
    buyerId: buyerId as string,
    type: type as LedgerDocument['type'],
    issueDate: issueDate as BusinessDate,
    dueDate: dueDate as BusinessDate,
    amount: amount as bigint,
    currency: currency as CurrencyCode,
  };
  if (deliveryDate !== undefined) d.deliveryDate = deliveryDate;
  if (orderRef !== undefined) d.orderRef = orderRef;
  if (appliesTo !== undefined) d.appliesTo = appliesTo;
  if (disputed !== undefined) d.disputed = disputed === 'yes';
  if (paperless !== undefined) d.paperless = paperless === 'yes';
  if (vat !== undefined) d.vat = vat;
  return d;
}

export function parsePayment(c: Cells): Payment | undefined {
  const currency = c.currency('currency');
  const id = c.text('payment_id', true);
  const buyerId = c.text('buyer_id', true);
  const date = c.date('payment_date', true);
  const amount = c.amount('amount', currency, true);
  const documentNumber = c.text('document_number');
  if (!c.ok) return undefined;
  const p: { -readonly [K in keyof Payment]: Payment[K] } = {
    id: id as string,
    buyerId: buyerId as string,
    date: date as BusinessDate,
    amount: amount as bigint,
    currency: currency as CurrencyCode,
  };
  if (documentNumber !== undefined) p.documentNumber = documentNumber;
  return p;
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

const UNITS: Readonly<Record<string, bigint>> = { '1': 1n, '1000': 1000n, '1000000': 1_000_000n };

/** One buyer's statements for one fiscal year; amounts times `unit` (1, 1000 or 1000000), any sign. */
export function parseStatement(c: Cells): FinancialStatement | undefined {
  const buyerId = c.text('buyer_id', true);
  const yearText = c.text('fiscal_year', true);
  const fiscalYear = yearText !== undefined && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (yearText !== undefined && fiscalYear === undefined)
    c.error('fiscal_year', 'invalid_field', { reason: 'not_a_year' });
  const periodEnd = c.date('period_end', true);
  if (periodEnd !== undefined && fiscalYear !== undefined) {
    const y = Number(periodEnd.slice(0, 4));
    if (y !== fiscalYear && y !== fiscalYear + 1)
      c.error('period_end', 'invalid_date', { reason: 'not_in_fiscal_year', fiscalYear });
  }
  const currency = c.currency('currency');
  const unitText = c.text('unit') ?? '1';
  const unit = UNITS[unitText];
  if (unit === undefined) c.error('unit', 'invalid_field', { reason: 'unit', choices: '1, 1000, 1000000' });
  const lines: Partial<Record<StatementLine, bigint>> = {};
  for (const line of STATEMENT_LINES) {
    const v = c.signedAmount(lineColumn(line), currency, unit ?? 1n);
    if (v !== undefined) lines[line] = v;
  }
  if (c.ok && Object.keys(lines).length === 0) c.error('buyer_id', 'invalid_field', { reason: 'no_lines' });
  if (!c.ok) return undefined;
  return {
    buyerId: buyerId as string,
    fiscalYear: fiscalYear as number,
    periodEnd: periodEnd as BusinessDate,
    currency: currency as CurrencyCode,
    lines,
  };
}

/** An order as the order book says today; status defaults to open. */
export function parseOrder(c: Cells): Order | undefined {
  const currency = c.currency('currency');
  const id = c.text('order_id', true);
  const buyerId = c.text('buyer_id', true);
  const date = c.date('order_date', true);
  const amount = c.amount('amount', currency, true);
  const status = c.choice('status', ORDER_STATUSES, 'open');
  if (!c.ok) return undefined;
  return {
    id: id as string,
    buyerId: buyerId as string,
    date: date as BusinessDate,
    amount: amount as bigint,
    currency: currency as CurrencyCode,
    status: status as Order['status'],
  };
}

/** An insurer's grade (whole 1 … 10) or a bureau's score (whole 0 … 100), dated. */
export function parseExternalGrade(c: Cells): ExternalGrade | undefined {
  const buyerId = c.text('buyer_id', true);
  const date = c.date('date', true);
  const source = c.choice('source', ['insurer', 'bureau'] as const, 'insurer');
  const text = c.text('value', true);
  const value = text !== undefined && /^\d{1,3}$/.test(text) ? Number(text) : undefined;
  const range = source === 'bureau' ? [0, 100] : [1, 10];
  if (text !== undefined && (value === undefined || value < (range[0] ?? 0) || value > (range[1] ?? 0)))
    c.error('value', 'invalid_field', { reason: source === 'bureau' ? 'bureau_score' : 'insurer_grade' });
  if (!c.ok) return undefined;
  return {
    buyerId: buyerId as string,
    date: date as BusinessDate,
    source: source as ExternalGrade['source'],
    value: value as number,
  };
}
