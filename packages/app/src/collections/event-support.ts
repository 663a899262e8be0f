import { type CollectionEvent, fail, type LedgerDocument, ok, type Result } from '@credence/core';
import type { LedgerWrites } from '../ports';

/**
 * The lock key of a kind of collection event: a use case that checks the events of that kind, then appends one
 * (one open dispute per document, one plan per document, the next id) holds it for its transaction.
 */
export const eventsKey = (kind: CollectionEvent['kind']): string => `collections:${kind}`;

/**
 * The next id for a kind of thing: prefix + one more than the events that created one so far (counted under the
 * kind's lock, so two transactions at once do not both take the same number).
 */
export async function nextId(tx: LedgerWrites, kind: CollectionEvent['kind'], prefix: string): Promise<string> {
  await tx.lock(eventsKey(kind));
  const n = (await tx.collectionEvents()).filter((e) => e.event.kind === kind).length + 1;
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

/** The named invoices, all stored and of one buyer (the given one when set). */
export async function invoicesOfOneBuyer(
  tx: LedgerWrites,
  numbers: readonly string[],
  buyerId?: string,
): Promise<Result<LedgerDocument[]>> {
  if (numbers.length === 0) return fail('missing_field', { field: 'document' });
  const found = await tx.findDocuments(numbers);
  for (const n of numbers) {
    const d = found.find((x) => x.number === n);
    if (d === undefined) return fail('unknown_document', { number: n });
    if (d.type !== 'invoice') return fail('invalid_field', { reason: 'not_an_invoice', number: n });
  }
  const owner = buyerId ?? found[0]?.buyerId;
  const other = found.find((d) => d.buyerId !== owner);
  if (other) return fail('invalid_field', { reason: 'other_buyer', number: other.number, buyerId: other.buyerId });
  return ok(found);
}

export const required = (field: string, value: string): Result<string> =>
  value.trim() === '' ? fail('missing_field', { field }) : ok(value.trim());
