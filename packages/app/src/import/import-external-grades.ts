import type { ExternalGrade, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseExternalGrade } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';
import { checkBuyersKnown, upsertMaster } from './upsert-master';

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
    await checkBuyersKnown(tx, unique, read);
    ensureClean();
    const stored = new Map(
      (await tx.findExternalGrades(unique.map((u) => u.value))).map((g) => [key(g), contentHash(g)]),
    );
    return upsertMaster(
      'external-grades',
      source,
      read,
      { unique, repeats },
      stored,
      key,
      (rows) => tx.upsertExternalGrades(rows),
      options.chunkSize,
    );
  });
}
