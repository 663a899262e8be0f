import { decimalToString, type FxRate, type Result } from '@credence/core';
import { contentHash } from '../hash';
import type { Store } from '../ports';
import { chunks, dedupeInFile, transactOrReject } from './errors';
import type { Mapping } from './mapping';
import { parseFxRate } from './parse-rows';
import { readSource } from './read-source';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

const rateKey = (r: FxRate): string => `${r.date}|${r.from}|${r.to}`;

/** '1.50' and '1.5' are the same rate. */
function normalized(r: FxRate): FxRate {
  let { coefficient, scale } = r.rate;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale -= 1;
  }
  return { ...r, rate: { coefficient, scale } };
}

/**
 * Imports dated FX rates, all or nothing. A rate for the same (date, from, to) already stored or earlier in
 * the file with another value is an `idempotency_conflict`; with the same value it is unchanged.
 */
export async function importFxRates(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = await readSource('fx-rates', source, mapping, options, (c) => {
    const r = parseFxRate(c);
    return r === undefined ? undefined : normalized(r);
  });
  const { unique, repeats } = dedupeInFile(read.items, rateKey, contentHash, (row, firstRow, r) =>
    read.rowError(row, 'rate', decimalToString(r.rate), 'idempotency_conflict', {
      against: 'file',
      firstRow,
      key: `fx:${rateKey(r)}`,
    }),
  );
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const stored = new Map((await tx.fxRates()).map((r) => [rateKey(r), normalized(r)]));
    const fresh: FxRate[] = [];
    let unchanged = repeats;
    for (const u of unique) {
      const before = stored.get(rateKey(u.value));
      if (before === undefined) fresh.push(u.value);
      else if (decimalToString(before.rate) === decimalToString(u.value.rate)) unchanged += 1;
      else {
        read.rowError(u.row, 'rate', decimalToString(u.value.rate), 'idempotency_conflict', {
          against: 'store',
          key: `fx:${rateKey(u.value)}`,
          stored: decimalToString(before.rate),
        });
      }
    }
    ensureClean();
    for (const c of chunks(fresh, options.chunkSize ?? 20_000)) await tx.insertFxRates(c);
    return {
      kind: 'fx-rates' as const,
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
