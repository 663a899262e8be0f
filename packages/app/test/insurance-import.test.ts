import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import type { ImportFailure } from '../src/import/source';
import { addInsurancePolicy } from '../src/insurance/add-insurance-policy';
import { INSURER_DECISION_COLUMNS, importInsurerDecisions } from '../src/insurance/import-insurer-decisions';
import { insuranceExposure } from '../src/insurance/insurance-exposure';
import { MemoryStore } from './memory-store';

const file = (rows: string[][]) => ({
  file: 'decisions.csv',
  columns: INSURER_DECISION_COLUMNS,
  rows: rows.map((r, i) => ({
    row: i + 2,
    values: Object.fromEntries(INSURER_DECISION_COLUMNS.map((c, j) => [c, r[j] ?? ''])),
  })),
});

describe('import of insurer decisions', () => {
  it('rejects the whole file with row-level errors, then imports once (a rerun writes nothing)', async () => {
    const store = new MemoryStore();
    await store.transact((tx) =>
      tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: 'EUR' as never, paymentTermsDays: 30 }]),
    );
    const body = {
      insurer: 'X',
      policyNumber: 'P-1',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      currency: 'EUR',
      countries: ['DE'],
    };
    expect((await addInsurancePolicy(store, { body, reason: '', by: 'cora' })).ok).toBe(true);
    const bad = await importInsurerDecisions(
      store,
      file([
        ['B1', 'approve', '20000.00', 'EUR', '2026-01-05', '2026-12-31', 'D-1'],
        ['B9', 'approve', '1.00', 'EUR', '2026-01-05', '', ''],
        ['B1', 'maybe', '1.00', 'USD', '2026-02-30', '', ''],
        ['B1', 'reduce', '', '', '2026-03-01', '2026-02-01', ''],
      ]),
      { by: 'cora' },
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      const e = bad.error as ImportFailure;
      expect(e.errors.map((x) => [x.row, x.column, x.code])).toEqual([
        [4, 'decision', 'invalid_field'],
        [4, 'decision_date', 'invalid_date'],
        [4, 'currency', 'currency_mismatch'],
        [5, 'expiry', 'invalid_date'],
        [5, 'amount', 'missing_field'],
        [3, 'buyer_id', 'unknown_buyer'],
      ]);
    }
    expect(await store.insuranceEvents()).toEqual([]);
    const good = file([
      ['B1', 'approve', '20000.00', 'EUR', '2026-01-05', '', 'D-1'],
      ['B1', 'reduce', '5000.00', 'eur', '2026-03-01', '', 'D-2'],
      ['B1', 'withdraw', '', '', '2026-06-01', '', 'D-3'],
    ]);
    const first = await importInsurerDecisions(store, good, { by: 'cora' });
    expect(first.ok && [first.value.created, first.value.unchanged]).toEqual([3, 0]);
    const again = await importInsurerDecisions(store, good, { by: 'cora' });
    expect(again.ok && [again.value.created, again.value.unchanged]).toEqual([0, 3]);
    const exposure = await insuranceExposure(store, date('2026-03-02'));
    expect(exposure.map((r) => [r.buyerId, r.limit.amount, r.limit.reason])).toEqual([['B1', 500_000n, 'reduced']]);
  });
});
