import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bucketSet, date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { importBuyers } from '../src/import/import-buyers';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { type Mapping, parseMapping } from '../src/import/mapping';
import type { ImportKind, RowSource } from '../src/import/source';
import { MemoryStore } from './memory-store';

// The shipped example (docs/examples/ibm-ar): the sample export in the IBM layout and its mapping files.
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'ibm-ar');

function sample(): RowSource {
  const [head = '', ...lines] = readFileSync(join(dir, 'sample.csv'), 'utf8').trim().split('\n');
  const columns = head.split(',');
  return {
    file: 'sample.csv',
    columns,
    rows: lines.map((l, i) => ({
      row: i + 2,
      values: Object.fromEntries(l.split(',').map((v, j) => [columns[j] ?? '', v])),
    })),
  };
}

function mapping(kind: ImportKind): Mapping {
  const m = parseMapping(JSON.parse(readFileSync(join(dir, `${kind}.map.json`), 'utf8')), kind);
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  return m.value;
}

describe('IBM accounts-receivable sample through the example mappings', () => {
  it('imports buyers, invoices and payments; the aging matches the sample worked by hand', async () => {
    const store = new MemoryStore();
    expect(await importBuyers(store, sample(), mapping('buyers'))).toMatchObject({
      ok: true,
      value: { created: 5, unchanged: 3 },
    });
    expect((await store.getBuyer('8976-AMJEO'))?.country).toBe('CA');
    expect(await importDocuments(store, sample(), mapping('invoices'))).toMatchObject({
      ok: true,
      value: { created: 8 },
    });
    expect(await importPayments(store, sample(), mapping('payments'))).toMatchObject({
      ok: true,
      value: { rows: 8, skipped: 1, created: 7, allocations: 7 },
    });
    const set = bucketSet();
    if (!set.ok) throw new Error('buckets');
    // As of 2013-03-01: open are 7900770 (61.74, due 2/25, paid 3/3 → 4 days overdue) and
    // 9888306 (105.92, due 3/12, not due) and 21234177 is not issued yet; 611365 and 15752855 are paid.
    const cells = await store.agingCells(date('2013-03-01'), set.value.bounds, false);
    expect(cells.map((c) => [set.value.labels[c.bucket], c.amount]).sort()).toEqual([
      ['1-30', 6174n],
      ['not_due', 10592n],
    ]);
    // As of 2014-06-30 only the unpaid 18354860 (1200.00, due 12/18/2013) is open: 194 days overdue.
    const late = await store.agingCells(date('2014-06-30'), set.value.bounds, false);
    expect(late.map((c) => [set.value.labels[c.bucket], c.amount])).toEqual([['181-365', 120000n]]);
  });
});
