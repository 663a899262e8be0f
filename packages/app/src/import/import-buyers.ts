import type { Buyer, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { chunks, dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseBuyer } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

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
    const stored = new Map(
      (
        await lookUp(
          unique.map((u) => u.value.id),
          (ids) => tx.findBuyers(ids),
        )
      ).map((b) => [b.id, b]),
    );
    const writes: Buyer[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = repeats;
    for (const u of unique) {
      const before = stored.get(u.value.id);
      if (before === undefined) created += 1;
      else if (contentHash(before) === u.hash) {
        unchanged += 1;
        continue;
      } else updated += 1;
      writes.push(u.value);
    }
    for (const c of chunks(writes, options.chunkSize ?? 20_000)) await tx.upsertBuyers(c);
    return {
      kind: 'buyers' as const,
      file: source.file,
      rows: read.rows,
      skipped: read.skipped,
      created,
      updated,
      unchanged,
      allocations: 0,
    };
  });
}
