import { STATEMENT_LINES, type TextKind } from '@credence/core';
import type { ImportKind } from './source';

/** The canonical columns of each import, in the order docs/import.md lists them. */
export interface FieldSpec {
  readonly name: string;
  readonly required: boolean;
}

/** A statement line's column: `short_term_liabilities` for `shortTermLiabilities`. */
export const lineColumn = (line: string): string => line.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const req = (name: string): FieldSpec => ({ name, required: true });
const opt = (name: string): FieldSpec => ({ name, required: false });

export const FIELDS: Readonly<Record<ImportKind, readonly FieldSpec[]>> = Object.freeze({
  buyers: [
    req('buyer_id'),
    req('name'),
    req('country'),
    req('currency'),
    req('payment_terms_days'),
    opt('legal_id'),
    opt('industry'),
    opt('group_id'),
    opt('language'),
    opt('email'),
    opt('sales_owner'),
    opt('collector'),
    opt('address'),
    opt('interest_regime'),
    opt('interest_rate'),
    opt('phone'),
    opt('affiliate'),
    opt('public_buyer'),
  ],
  invoices: [
    req('document_number'),
    req('buyer_id'),
    req('issue_date'),
    req('due_date'),
    req('amount'),
    req('currency'),
    opt('type'),
    opt('delivery_date'),
    opt('order_ref'),
    opt('applies_to'),
    opt('disputed'),
    opt('paperless'),
    opt('vat'),
  ],
  payments: [
    req('payment_id'),
    req('buyer_id'),
    req('payment_date'),
    req('amount'),
    req('currency'),
    opt('document_number'),
  ],
  'fx-rates': [req('date'), req('from_currency'), req('to_currency'), req('rate')],
  'external-grades': [req('buyer_id'), req('date'), req('source'), req('value')],
  orders: [req('order_id'), req('buyer_id'), req('order_date'), req('amount'), req('currency'), opt('status')],
  statements: [
    req('buyer_id'),
    req('fiscal_year'),
    req('period_end'),
    req('currency'),
    opt('unit'),
    ...STATEMENT_LINES.map((line) => opt(lineColumn(line))),
  ],
});

/** Fields holding dates: a mapping's `dateFormat` applies to these. */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'issue_date',
  'due_date',
  'delivery_date',
  'payment_date',
  'date',
  'period_end',
  'order_date',
]);

/** Fields holding decimal numbers: a mapping's separators apply to these. */
export const NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'amount',
  'rate',
  'unit',
  'vat',
  ...STATEMENT_LINES.map((line) => lineColumn(line)),
]);

/**
 * What kind of text each field holds, for its length and shape check (core TEXT_LIMITS, docs/import.md):
 * identifiers name records and may become parts of file names; any field not listed is checked as a name.
 */
export const TEXT_KINDS: Readonly<Record<string, TextKind>> = Object.freeze({
  buyer_id: 'identifier',
  document_number: 'document',
  payment_id: 'identifier',
  order_id: 'identifier',
  group_id: 'identifier',
  applies_to: 'document',
  email: 'email',
  address: 'address',
});
