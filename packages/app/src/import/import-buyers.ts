import type { Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseBuyer } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';
import { upsertMaster } from './upsert-master';

/**
 * Upserts buyers' master data, all or nothing: new buyers are created, changed ones updated, the rest
 * counted unchanged. A buyer id repeated in the file with other data is an `idempotency_conflict`.
 */
export async function importBuyers(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('buyers', source, mapping, options, parseBuyer);
  const { unique, repeats } = dedupeInFile(
    read.items,
    (b) => b.id,
    contentHash,
    (row, firstRow, b) =>
      read.rowError(row, 'buyer_id', b.id, 'idempotency_conflict', { against: 'file', firstRow, key: `buyer:${b.id}` }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    ensureClean();
    const found = await lookUp(
      unique.map((u) => u.value.id),
      (ids) => tx.findBuyers(ids),
    );
    const stored = new Map(found.map((b) => [b.id, contentHash(b)]));
    return upsertMaster(
      'buyers',
      source,
      read,
      { unique, repeats },
      stored,
      (b) => b.id,
      (rows) => tx.upsertBuyers(rows),
      options.chunkSize,
    );
  });
}
