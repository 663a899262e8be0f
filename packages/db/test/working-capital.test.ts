import { importBuyers, importDocuments, listAudit, reportWorkingCapital, setWorkingCapital } from '@credence/app';
import type { CurrencyCode, YearMonth } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 17 item 4: the seller's working-capital figures stored versioned (migration 079), the report reading the
// latest version of each month and, where receivables are not entered, the ledger's open receivables.
const AT = new Date('2026-03-05T09:00:00Z');
const EUR = 'EUR' as CurrencyCode;
const m = (s: string) => s as YearMonth;
const base = {
  currency: EUR,
  cash: 9_000_000n,
  inventory: 20_000_000n,
  payables: 14_000_000n,
  otherCurrentAssets: 1_000_000n,
  otherCurrentLiabilities: 5_000_000n,
  sales: 20_000_000n,
  costOfSales: 15_000_000n,
};

for (const target of targets()) {
  describe(`working capital on ${target.name}`, () => {
    const h = useTarget(target);

    it('keeps versions, reads the latest, takes receivables from the ledger when not entered', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'fiona', now: () => AT });
      const b = await importBuyers(
        store,
        rowFile(
          'buyers.csv',
          ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
          [['B1', 'One', 'DE', 'EUR', '30']],
        ),
      );
      // 2026-02-28: I1 open (290,000.00), I2 issued in March (not counted).
      expect(b.ok).toBe(true);
      const d = await importDocuments(
        store,
        rowFile(
          'invoices.csv',
          ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['I1', 'B1', '2026-02-10', '2026-03-12', '290000.00', 'EUR'],
            ['I2', 'B1', '2026-03-02', '2026-04-01', '100.00', 'EUR'],
          ],
        ),
      );
      expect(d).toMatchObject({ ok: true, value: { created: 2 } });
      const first = await setWorkingCapital(store, { ...base, month: m('2026-02'), receivables: 1n }, 'fiona');
      expect(first.ok).toBe(true);
      const second = await setWorkingCapital(store, { ...base, month: m('2026-02') }, 'fiona');
      expect(second).toMatchObject({ ok: true, value: { id: 2, by: 'fiona', month: '2026-02' } });
      const big = 9_007_199_254_740_993n;
      await setWorkingCapital(store, { ...base, month: m('2026-03'), cash: big, receivables: 0n }, 'fiona');
      const bad = await setWorkingCapital(store, { ...base, month: m('2026-04'), cash: -1n }, 'fiona');
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_field' } });

      const stored = await store.workingCapitalMonths(m('2026-01'), m('2026-12'));
      expect(stored.map((s) => [s.month, s.id, s.receivables])).toEqual([
        ['2026-02', 2, undefined],
        ['2026-03', 3, 0n],
      ]);
      expect(stored[1]?.cash).toBe(big);

      const r = await reportWorkingCapital(store, m('2026-01'), m('2026-03'));
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.missing).toEqual(['2026-01']);
      const feb = r.value.months[0];
      expect(feb).toMatchObject({ month: '2026-02', receivablesFrom: 'ledger', receivables: 29_000_000n });
      // 290,000 / 200,000 × 28 days
      expect(feb?.dso).toBe('40.6');
      expect(r.value.months[1]).toMatchObject({ receivablesFrom: 'entered', receivables: 0n, dso: '0.0' });
      expect(r.value.months[1]?.currentAssets).toBe(big + 20_000_000n + 1_000_000n);

      const audit = await listAudit(store, { entity: 'working_capital:2026-02' });
      expect(audit.map((e) => e.action)).toEqual(['working_capital_set', 'working_capital_set']);
    });
  });
}
