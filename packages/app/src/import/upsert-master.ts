import type { LedgerWrites } from '../ports';
import { chunks, type Keyed } from './errors';
import type { ReadResult } from './read-source';
import type { ImportKind, ImportSummary, RowSource } from './source';

/** Reports, on their rows, the file's rows that name no stored buyer. */
export async function checkBuyersKnown<T extends { readonly buyerId: string }>(
  tx: LedgerWrites,
  unique: readonly Keyed<T>[],
  read: ReadResult<T>,
): Promise<void> {
  const unknown = new Set(await tx.unknownBuyers(unique.map((u) => u.value.buyerId)));
  for (const u of unique)
    if (unknown.has(u.value.buyerId)) read.rowError(u.row, 'buyer_id', u.value.buyerId, 'unknown_buyer');
}

/**
 * Writes master data (buyers, statements, orders, external grades — not ledger entries): rows not stored are
 * created, rows stored with other content replaced, the rest counted unchanged. `stored` maps a key to the
 * content hash of what is stored under it.
 */
export async function upsertMaster<T>(
  kind: ImportKind,
  source: RowSource,
  read: ReadResult<T>,
  rows: { readonly unique: readonly Keyed<T>[]; readonly repeats: number },
  stored: ReadonlyMap<string, string>,
  key: (v: T) => string,
  write: (rows: readonly T[]) => Promise<void>,
  chunkSize = 20_000,
): Promise<ImportSummary> {
  const writes: T[] = [];
  let created = 0;
  let updated = 0;
  let unchanged = rows.repeats;
  for (const u of rows.unique) {
    const before = stored.get(key(u.value));
    if (before === undefined) created += 1;
    else if (before === u.hash) {
      unchanged += 1;
      continue;
    } else updated += 1;
    writes.push(u.value);
  }
  for (const c of chunks(writes, chunkSize)) await write(c);
  return {
    kind,
    file: source.file,
    rows: read.rows,
    skipped: read.skipped,
    created,
    updated,
    unchanged,
    allocations: 0,
  };
}
