import type { LedgerDocument, Result } from '@credence/core';
import type { Store, Stored } from '../ports';
import { chunks, dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseDocument } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

export const documentKey = (number: string): string => `document:${number}`;

/**
 * Imports invoices and credit notes, all or nothing. A document number already stored (or earlier in
 * the file) with the same content is unchanged; with other content it is a `document_conflict`.
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
    (row, firstRow, d) =>
      read.rowError(row, 'document_number', d.number, 'document_conflict', {
        against: 'file',
        firstRow,
        number: d.number,
      }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const known = new Set(
      (
        await lookUp(
          unique.map((u) => u.value.buyerId),
          (b) => tx.findBuyers(b),
        )
      ).map((b) => b.id),
    );
    const stored = new Map(
      (
        await lookUp(
          unique.map((u) => u.value.number),
          (n) => tx.findDocuments(n),
        )
      ).map((d) => [d.number, d]),
    );
    const fresh: Stored<LedgerDocument>[] = [];
    let unchanged = repeats;
    for (const u of unique) {
      const d = u.value;
      if (!known.has(d.buyerId)) read.rowError(u.row, 'buyer_id', d.buyerId, 'unknown_buyer', { buyerId: d.buyerId });
      const before = stored.get(d.number);
      if (before === undefined) fresh.push({ ...d, idempotencyKey: documentKey(d.number), contentHash: u.hash });
      else if (before.contentHash === u.hash) unchanged += 1;
      else
        read.rowError(u.row, 'document_number', d.number, 'document_conflict', { against: 'store', number: d.number });
    }
    ensureClean();
    for (const c of chunks(fresh, options.chunkSize ?? 20_000)) await tx.insertDocuments(c);
    return {
      kind: 'invoices' as const,
      file: source.file,
      rows: read.rows,
      skipped: read.skipped,
      created: fresh.length,
      updated: 0,
      unchanged,
      allocations: 0,
    };
  });
}
