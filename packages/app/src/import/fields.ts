import type { ImportKind } from './source';

/** The canonical columns of each import, in the order docs/import.md lists them. */
export interface FieldSpec {
  readonly name: string;
  readonly required: boolean;
}

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
});

/** Fields holding dates: a mapping's `dateFormat` applies to these. */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'issue_date',
  'due_date',
  'delivery_date',
  'payment_date',
  'date',
]);

/** Fields holding decimal numbers: a mapping's separators apply to these. */
export const NUMBER_FIELDS: ReadonlySet<string> = new Set(['amount', 'rate']);
