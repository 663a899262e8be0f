import { type BusinessDate, fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { StatementRecord } from './statement-ports';

export type StatementAnswer =
  | { readonly kind: 'confirmed' }
  | { readonly kind: 'disputed'; readonly document: string; readonly note: string };

/**
 * The buyer's answer to its account statement of a closing date (`credence statement confirm|dispute`): the
 * closing balance confirmed, or one line (a document of the buyer) disputed with the buyer's note. Once each: the
 * same answer again is a no-op (`created: false`). Unknown buyer or document: `not_found`; another buyer's
 * document, an empty note or a date after today: `invalid_field`.
 */
export async function answerStatement(
  store: Store,
  x: { readonly buyerId: string; readonly asOf: BusinessDate; readonly answer: StatementAnswer; readonly by: string },
  today: BusinessDate,
): Promise<Result<{ readonly record: StatementRecord; readonly created: boolean }>> {
  if ((await store.getBuyer(x.buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: x.buyerId });
  if (x.asOf > today) return fail('invalid_field', { field: 'asOf', value: x.asOf, reason: 'after today' });
  let extra: Pick<StatementRecord, 'document' | 'note'> = {};
  if (x.answer.kind === 'disputed') {
    const [doc] = await store.findDocuments([x.answer.document]);
    if (doc === undefined) return fail('not_found', { what: 'document', id: x.answer.document });
    if (doc.buyerId !== x.buyerId)
      return fail('invalid_field', { field: 'document', value: doc.number, reason: `not a document of ${x.buyerId}` });
    const note = x.answer.note.trim();
    if (note === '') return fail('invalid_field', { field: 'note', value: '', reason: 'empty' });
    extra = { document: doc.number, note };
  }
  const record: StatementRecord = {
    buyerId: x.buyerId,
    asOf: x.asOf,
    kind: x.answer.kind,
    ...extra,
    by: x.by,
    recordedOn: today,
  };
  const created = await store.transact((tx) => tx.insertStatementRecord(record));
  return ok({ record, created });
}
