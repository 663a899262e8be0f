import { importBuyers, importDocuments, importPayments, reverseEntry } from '@credence/app';
import { date } from '@credence/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 17: the cash forecast's reads and writes — receipts per day and currency (a reversed payment is not cash
// received), and the forecast runs kept with their weeks (migration 076, append-only).
const AT = new Date('2026-06-10T09:00:00Z');

for (const target of targets()) {
  describe(`cash forecasts on ${target.name}`, () => {
    const h = useTarget(target);

    it('receipts by day, reversals left out; runs kept with their weeks; no update', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'fiona', now: () => AT });
      const b = await importBuyers(
        store,
        rowFile(
          'buyers.csv',
          ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
          [['B1', 'B1', 'DE', 'EUR', '30']],
        ),
      );
      expect(b.ok).toBe(true);
      const d = await importDocuments(
        store,
        rowFile(
          'invoices.csv',
          ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['I1', 'B1', '2026-05-01', '2026-05-31', '100.00', 'EUR'],
            ['I2', 'B1', '2026-05-01', '2026-05-31', '200.00', 'USD'],
          ],
        ),
      );
      expect(d.ok).toBe(true);
      const p = await importPayments(
        store,
        rowFile(
          'payments.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          [
            ['P1', 'B1', '2026-06-01', '40.00', 'EUR', 'I1'],
            ['P2', 'B1', '2026-06-01', '60.00', 'EUR', 'I1'],
            ['P3', 'B1', '2026-06-02', '99999999999999.99', 'USD', ''],
            ['P4', 'B1', '2026-06-05', '10.00', 'USD', 'I2'],
          ],
        ),
      );
      expect(p.ok).toBe(true);
      const r = await reverseEntry(store, {
        id: 'R1',
        kind: 'payment',
        targetId: 'P4',
        date: date('2026-06-06'),
        reason: 'bounced',
      });
      expect(r.ok).toBe(true);
      expect(await store.receiptsBetween(date('2026-06-01'), date('2026-06-30'))).toEqual([
        { date: '2026-06-01', currency: 'EUR', amount: 10000n },
        { date: '2026-06-02', currency: 'USD', amount: 9999999999999999n },
      ]);
      // Before the reversal the payment was cash received.
      expect(await store.receiptsBetween(date('2026-06-05'), date('2026-06-05'))).toEqual([
        { date: '2026-06-05', currency: 'USD', amount: 1000n },
      ]);

      const weeks = [
        { start: date('2026-06-08'), end: date('2026-06-14'), low: 1n, mid: 2n, high: 9007199254740993n },
        { start: date('2026-06-15'), end: date('2026-06-21'), low: 0n, mid: 0n, high: 0n },
      ];
      const run = await store.transact((tx) =>
        tx.appendCashForecast({
          asOf: date('2026-06-10'),
          currency: 'EUR' as never,
          method: 'baseline',
          weeks,
          by: 'fiona',
        }),
      );
      const runs = await store.cashForecastRuns();
      expect(runs).toEqual([{ ...run, recordedAt: AT }]);
      expect(runs[0]?.weeks).toEqual(weeks);
      await expect(sql`update cash_forecast_weeks set mid = 3`.execute(engine.db)).rejects.toThrow(/append-only/);
    });
  });
}
