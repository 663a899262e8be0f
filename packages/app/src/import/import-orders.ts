import type { Order, Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { chunks, dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseOrder } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

/**
 * Imports the order book, all or nothing: new orders are created, orders whose status (or anything else) moved
 * on are updated, the rest unchanged. Orders feed the credit check's exposure (open and delivered ones).
 */
export async function importOrders(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('orders', source, mapping, options, parseOrder);
  const { unique, repeats } = dedupeInFile(
    read.items,
    (o) => o.id,
    contentHash,
    (row, firstRow, o) =>
      read.rowError(row, 'order_id', o.id, 'idempotency_conflict', { against: 'file', firstRow, key: `order:${o.id}` }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const unknown = new Set(await tx.unknownBuyers(unique.map((u) => u.value.buyerId)));
    for (const u of unique)
      if (unknown.has(u.value.buyerId)) read.rowError(u.row, 'buyer_id', u.value.buyerId, 'unknown_buyer');
    ensureClean();
    const stored = new Map(
      (
        await lookUp(
          unique.map((u) => u.value.id),
          (ids) => tx.findOrders(ids),
        )
      ).map((o) => [o.id, contentHash(o)]),
    );
    const writes: Order[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = repeats;
    for (const u of unique) {
      const before = stored.get(u.value.id);
      if (before === undefined) created += 1;
      else if (before === u.hash) {
        unchanged += 1;
        continue;
      } else updated += 1;
      writes.push(u.value);
    }
    for (const c of chunks(writes, options.chunkSize ?? 20_000)) await tx.upsertOrders(c);
    return {
      kind: 'orders' as const,
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
