import { hash } from 'node:crypto';
import type { LedgerDocument, Payment } from '@credence/core';

/**
 * Content hashes of the rows an import writes, equal to `contentHash` (sha256 of `canonicalJson`) of
 * the same value: the canonical text is written field by field in its sorted key order instead of
 * walking the object, which is what a million rows need. Entries recorded one by one (record-payment)
 * and imported rows therefore hash alike.
 */
const q = JSON.stringify;

function member(out: string, key: string, value: string | bigint | boolean | undefined): string {
  if (value === undefined) return out;
  const v = typeof value === 'bigint' ? `"${value}"` : q(value);
  return `${out === '' ? '' : `${out},`}"${key}":${v}`;
}

export function documentText(d: LedgerDocument): string {
  let s = member('', 'amount', d.amount);
  s = member(s, 'appliesTo', d.appliesTo);
  s = member(s, 'buyerId', d.buyerId);
  s = member(s, 'currency', d.currency);
  s = member(s, 'deliveryDate', d.deliveryDate);
  s = member(s, 'disputed', d.disputed);
  s = member(s, 'dueDate', d.dueDate);
  s = member(s, 'issueDate', d.issueDate);
  s = member(s, 'number', d.number);
  s = member(s, 'orderRef', d.orderRef);
  s = member(s, 'paperless', d.paperless);
  s = member(s, 'type', d.type);
  s = member(s, 'vat', d.vat);
  return `{${s}}`;
}

export function paymentText(p: Payment): string {
  let s = member('', 'amount', p.amount);
  s = member(s, 'buyerId', p.buyerId);
  s = member(s, 'currency', p.currency);
  s = member(s, 'date', p.date);
  s = member(s, 'documentNumber', p.documentNumber);
  s = member(s, 'id', p.id);
  return `{${s}}`;
}

export const documentHash = (d: LedgerDocument): string => hash('sha256', documentText(d));
export const paymentHash = (p: Payment): string => hash('sha256', paymentText(p));
