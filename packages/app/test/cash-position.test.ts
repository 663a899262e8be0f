import { date, type YearMonth } from '@credence/core';
import { parseScenario } from '@credence/core/simulate';
import { beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../src/import/import-documents';
import { importPayments } from '../src/import/import-payments';
import { simulateScenario, simulationJson } from '../src/simulate';
import { reportWorkingCapital, setWorkingCapital } from '../src/working-capital';
import { buyer, INVOICE_HEADER, PAYMENT_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';

// The use cases on the in-memory store: the simulator segments by the latest recorded tier; working capital versions.
let store: MemoryStore;
beforeEach(async () => {
  store = new MemoryStore();
  await seedBuyers(store, [buyer('B1'), buyer('B2')]);
  const rows: string[][] = [];
  const pays: string[][] = [];
  for (let m = 1; m <= 6; m++) {
    const mm = String(m).padStart(2, '0');
    rows.push([`H-${m}`, 'B1', `2024-${mm}-01`, `2024-${mm}-28`, '1000.00', 'EUR']);
    rows.push([`L-${m}`, 'B2', `2024-${mm}-02`, `2024-${mm}-28`, '500.00', 'EUR']);
    if (m < 5) pays.push([`PH-${m}`, 'B1', `2024-${String(m + 1).padStart(2, '0')}-20`, '1000.00', 'EUR', `H-${m}`]);
    pays.push([`PL-${m}`, 'B2', `2024-${mm}-27`, '500.00', 'EUR', `L-${m}`]);
  }
  expect((await importDocuments(store, source('inv.csv', INVOICE_HEADER, rows))).ok).toBe(true);
  expect((await importPayments(store, source('pay.csv', PAYMENT_HEADER, pays))).ok).toBe(true);
  const grade = (g: number, tier: 'low' | 'high') => ({
    grade: g,
    pd: 0.01,
    tier,
    confidence: 'high' as const,
    reasons: [],
    missing: [],
  });
  await store.transact((tx) =>
    tx.upsertGrades([
      { buyerId: 'B1', asOf: date('2024-01-01'), grade: grade(8, 'high') },
      { buyerId: 'B2', asOf: date('2024-01-01'), grade: grade(2, 'low') },
    ]),
  );
});

describe('simulateScenario', () => {
  it('moves only the high tier’s invoices, and lowers DSO against the base case', async () => {
    const s = parseScenario({ seed: 3, terms: [{ segment: { tier: 'high' }, days: 10 }] });
    if (!s.ok) throw new Error('scenario');
    const r = await simulateScenario(store, s.value, date('2024-06-30'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const moved = r.value.invoices.filter((x) => x.dueDate !== x.baseDueDate).map((x) => x.buyerId);
    expect(new Set(moved)).toEqual(new Set(['B1']));
    expect(moved).toHaveLength(6);
    const j = simulationJson(r.value);
    expect(j.currency).toBe('EUR');
    expect(j.scenario.dso as number).toBeLessThan(j.base.dso as number);
    expect(j.difference.dso as number).toBeLessThan(0);
  });
});

describe('working capital', () => {
  it('the latest version of a month is in force; receivables from the ledger when not entered', async () => {
    const figures = {
      month: '2024-03' as YearMonth,
      currency: 'EUR' as never,
      cash: 100n,
      inventory: 0n,
      payables: 100n,
      otherCurrentAssets: 0n,
      otherCurrentLiabilities: 0n,
      sales: 150000n,
      costOfSales: 100n,
    };
    await setWorkingCapital(store, { ...figures, receivables: 1n }, 'fiona');
    await setWorkingCapital(store, figures, 'fiona');
    const r = await reportWorkingCapital(store, '2024-03' as YearMonth, '2024-03' as YearMonth);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // 2024-03-31: H-3 (due 03-28, paid 04-20) 1000.00 open; L-3 paid 03-27: 100000 cents.
    expect(r.value.months[0]).toMatchObject({ receivablesFrom: 'ledger', receivables: 100000n });
    // 100000 / 150000 × 31 = 20.666… → 20.7
    expect(r.value.months[0]?.dso).toBe('20.7');
  });
});
