import type { ExternalGrade, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { chunks, dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseExternalGrade } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

const key = (g: Pick<ExternalGrade, 'buyerId' | 'date' | 'source'>) => `${g.buyerId}|${g.date}|${g.source}`;

/**
 * Imports dated external grades (an insurer's grade 1 … 10, a bureau's score 0 … 100), all or nothing; one per
 * buyer, date and source, a corrected value replaces the stored one. The grade uses the latest by its date.
 */
export async function importExternalGrades(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('external-grades', source, mapping, options, parseExternalGrade);
  const { unique, repeats } = dedupeInFile(read.items, key, contentHash, (row, firstRow, g) =>
    read.rowError(row, 'value', String(g.value), 'idempotency_conflict', { against: 'file', firstRow, key: key(g) }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const unknown = new Set(await tx.unknownBuyers(unique.map((u) => u.value.buyerId)));
    for (const u of unique)
      if (unknown.has(u.value.buyerId)) read.rowError(u.row, 'buyer_id', u.value.buyerId, 'unknown_buyer');
    ensureClean();
    const stored = new Map(
      (await tx.findExternalGrades(unique.map((u) => u.value))).map((g) => [key(g), contentHash(g)]),
    );
    const writes: ExternalGrade[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = repeats;
    for (const u of unique) {
      const before = stored.get(key(u.value));
      if (before === undefined) created += 1;
      else if (before === u.hash) {
        unchanged += 1;
        continue;
      } else updated += 1;
      writes.push(u.value);
    }
    for (const c of chunks(writes, options.chunkSize ?? 20_000)) await tx.upsertExternalGrades(c);
    return {
      kind: 'external-grades' as const,
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
