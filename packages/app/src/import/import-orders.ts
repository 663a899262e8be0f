import type { Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { dedupeInFile, lookUp, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseOrder } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';
import { checkBuyersKnown, upsertMaster } from './upsert-master';

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
    await checkBuyersKnown(tx, unique, read);
    ensureClean();
    const found = await lookUp(
      unique.map((u) => u.value.id),
      (ids) => tx.findOrders(ids),
    );
    const stored = new Map(found.map((o) => [o.id, contentHash(o)]));
    return upsertMaster(
      'orders',
      source,
      read,
      { unique, repeats },
      stored,
      (o) => o.id,
      (rows) => tx.upsertOrders(rows),
      options.chunkSize,
    );
  });
}
