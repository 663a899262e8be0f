import type { FinancialStatement, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { chunks, dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseStatement } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

const key = (s: Pick<FinancialStatement, 'buyerId' | 'fiscalYear'>) => `${s.buyerId}|${s.fiscalYear}`;

/**
 * Imports buyers' financial statements, one row per buyer and fiscal year, all or nothing. A statement is
 * master data, not a ledger entry: importing a restated year replaces it (counted as updated); the same year
 * twice in one file with other figures is a conflict; a buyer must exist.
 */
export async function importStatements(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('statements', source, mapping, options, parseStatement);
  const { unique, repeats } = dedupeInFile(read.items, key, contentHash, (row, firstRow, s) =>
    read.rowError(row, 'fiscal_year', String(s.fiscalYear), 'idempotency_conflict', {
      against: 'file',
      firstRow,
      key: `statement:${key(s)}`,
    }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const unknown = new Set(await tx.unknownBuyers(unique.map((u) => u.value.buyerId)));
    for (const u of unique)
      if (unknown.has(u.value.buyerId)) read.rowError(u.row, 'buyer_id', u.value.buyerId, 'unknown_buyer');
    ensureClean();
    const stored = new Map((await tx.findStatements(unique.map((u) => u.value))).map((s) => [key(s), contentHash(s)]));
    const writes: FinancialStatement[] = [];
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
    for (const c of chunks(writes, options.chunkSize ?? 20_000)) await tx.upsertStatements(c);
    return {
      kind: 'statements' as const,
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
