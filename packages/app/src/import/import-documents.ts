import type { LedgerDocument, Result } from '@credence/core';
import type { Store, Stored } from '../ports';
import { CreditNoteTargets } from './credit-notes';
import { chunks, dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseDocument } from './parse-rows';
import { type ReadResult, readSource } from './read-source';
import { documentHash } from './row-hash';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

export const documentKey = (number: string): string => `document:${number}`;

/**
 * Imports invoices and credit notes, all or nothing. A document number already stored (or earlier in
 * the file) with the same content is unchanged; with other content it is a `document_conflict`.
 * A new credit note naming an invoice in `applies_to` (stored, or earlier in the file) is applied to
 * it in the same transaction (core `applyCreditNote`): up to the invoice's open balance after every
 * recorded allocation and the applications earlier in the file; the rest stays open on the note.
 */
export async function importDocuments(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('invoices', source, mapping, options, parseDocument);
  const { unique, repeats } = dedupeInFile(
    read.items,
    (d) => d.number,
    documentHash,
    (row, firstRow, d) =>
      read.rowError(row, 'document_number', d.number, 'document_conflict', {
        against: 'file',
        firstRow,
        number: d.number,
      }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const unknown = new Set(await tx.unknownBuyers(unique.map((u) => u.value.buyerId)));
    const stored = new Map(
      (
        await tx.storedHashes(
          'document',
          unique.map((u) => u.value.number),
        )
      ).map((s) => [s.key, s.contentHash]),
    );
    const targets = await CreditNoteTargets.load(
      tx,
      unique.flatMap((u) => (u.value.appliesTo === undefined || stored.has(u.value.number) ? [] : [u.value.appliesTo])),
    );
    const fresh: Stored<LedgerDocument>[] = [];
    let unchanged = repeats;
    for (const u of unique) {
      const d = u.value;
      if (unknown.has(d.buyerId)) read.rowError(u.row, 'buyer_id', d.buyerId, 'unknown_buyer', { buyerId: d.buyerId });
      const before = stored.get(d.number);
      if (before === undefined) {
        fresh.push({ ...d, idempotencyKey: documentKey(d.number), contentHash: u.hash });
        if (d.appliesTo !== undefined) applyNote(targets, { ...d, appliesTo: d.appliesTo }, u.row, read.rowError);
        targets.seen(d);
      } else if (before === u.hash) unchanged += 1;
      else
        read.rowError(u.row, 'document_number', d.number, 'document_conflict', { against: 'store', number: d.number });
    }
    ensureClean();
    const size = options.chunkSize ?? 20_000;
    for (const c of chunks(fresh, size)) await tx.insertDocuments(c);
    for (const c of chunks(targets.allocations, size)) await tx.insertAllocations(c);
    return {
      kind: 'invoices' as const,
      file: source.file,
      rows: read.rows,
      skipped: read.skipped,
      created: fresh.length,
      updated: 0,
      unchanged,
      allocations: targets.allocations.length,
    };
  });
}

function applyNote(
  targets: CreditNoteTargets,
  note: LedgerDocument & { readonly appliesTo: string },
  row: number,
  rowError: ReadResult<LedgerDocument>['rowError'],
): void {
  const r = targets.apply(note);
  if (r.ok) return;
  if (r.error.code === 'currency_mismatch') rowError(row, 'currency', note.currency, r.error.code, r.error.params);
  else rowError(row, 'applies_to', note.appliesTo, r.error.code, r.error.params);
}
