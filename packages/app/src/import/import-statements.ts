import type { FinancialStatement, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseStatement } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';
import { checkBuyersKnown, upsertMaster } from './upsert-master';

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
    await checkBuyersKnown(tx, unique, read);
    ensureClean();
    const stored = new Map((await tx.findStatements(unique.map((u) => u.value))).map((s) => [key(s), contentHash(s)]));
    return upsertMaster(
      'statements',
      source,
      read,
      { unique, repeats },
      stored,
      key,
      (rows) => tx.upsertStatements(rows),
      options.chunkSize,
    );
  });
}
