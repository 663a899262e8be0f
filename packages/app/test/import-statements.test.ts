import { computeRatios } from '@credence/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { importStatements } from '../src/import/import-statements';
import { buyer, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

const HEADER = [
  'buyer_id',
  'fiscal_year',
  'period_end',
  'currency',
  'unit',
  'current_assets',
  'short_term_liabilities',
  'total_assets',
  'equity',
  'sales',
  'net_profit',
];

let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2')]);
});

describe('importStatements', () => {
  it('stores one statement per buyer and year in minor units times the unit, lines not given left out', async () => {
    const r = await importStatements(
      store,
      source('fs.csv', HEADER, [
        ['B1', '2024', '2024-12-31', 'EUR', '1000', '850', '500', '2000', '-12.5', '3650', ''],
        ['B1', '2023', '2023-12-31', 'EUR', '', '800000', '450000', '1900000', '100000', '3320000', '90000'],
      ]),
    );
    expect(r).toMatchObject({ ok: true, value: { created: 2, updated: 0, unchanged: 0 } });
    const [y2023, y2024] = await store.statementsOf('B1');
    expect(y2024?.lines).toEqual({
      currentAssets: 85_000_000n,
      shortTermLiabilities: 50_000_000n,
      totalAssets: 200_000_000n,
      equity: -1_250_000n,
      sales: 365_000_000n,
    });
    expect(y2023?.lines.netProfit).toBe(9_000_000n);
    const ratios = computeRatios(y2024 as never, y2023);
    expect(ratios.currentRatio).toEqual({ ok: true, value: 1.7 });
    expect(ratios.salesGrowth.ok && ratios.salesGrowth.value).toBeCloseTo(3650 / 3320 - 1, 12);
    expect(ratios.returnOnAssets).toEqual({ ok: false, reason: 'missing_line', lines: ['netProfit'] });
  });

  it('replaces a restated year, leaves an identical one, and counts both', async () => {
    const row = ['B1', '2024', '2024-12-31', 'EUR', '1', '1', '1', '1', '1', '1', '1'];
    await importStatements(store, source('a.csv', HEADER, [row]));
    const again = await importStatements(store, source('a.csv', HEADER, [row]));
    expect(again).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: 1 } });
    const restated = await importStatements(store, source('b.csv', HEADER, [[...row.slice(0, 10), '2']]));
    expect(restated).toMatchObject({ ok: true, value: { created: 0, updated: 1 } });
    expect((await store.statementsOf('B1'))[0]?.lines.netProfit).toBe(200n);
  });

  it('rejects the whole file with a message per bad row', async () => {
    const before = store.commits;
    const r = await importStatements(
      store,
      source('bad.csv', HEADER, [
        ['B1', '24', '2024-12-31', 'EUR', '1', '1', '1', '1', '1', '1', '1'],
        ['B1', '2024', '2026-06-30', 'EUR', '1', '1', '1', '1', '1', '1', '1'],
        ['B1', '2022', '2022-12-31', 'EUR', 'k', '1', '1', '1', '1', '1', '1'],
        ['NOPE', '2024', '2024-12-31', 'EUR', '1', '1', '1', '1', '1', '1', '1'],
        ['B2', '2024', '2024-12-31', 'EUR', '1', '', '', '', '', '', ''],
        ['B2', '2023', '2023-12-31', 'EUR', '1', 'x', '1', '1', '1', '1', '1'],
      ]),
    );
    expect(r.ok ? null : r.error.errors.map((e) => [e.row, e.column, e.code, e.params.reason ?? ''])).toEqual([
      [2, 'fiscal_year', 'invalid_field', 'not_a_year'],
      [3, 'period_end', 'invalid_date', 'not_in_fiscal_year'],
      [4, 'unit', 'invalid_field', 'unit'],
      [5, 'buyer_id', 'unknown_buyer', ''],
      [6, 'buyer_id', 'invalid_field', 'no_lines'],
      [7, 'current_assets', 'invalid_amount', ''],
    ]);
    expect(store.commits).toBe(before);
    const unknown = await importStatements(
      store,
      source('u.csv', HEADER, [['NOPE', '2024', '2024-12-31', 'EUR', '1', '1', '1', '1', '1', '1', '1']]),
    );
    expect(unknown.ok ? null : unknown.error.errors.map((e) => [e.row, e.code])).toEqual([[2, 'unknown_buyer']]);
  });
});
