import {
  backtestPaymentForecast,
  importBuyers,
  importDocuments,
  importPayments,
  listAudit,
  trainPaymentForecast,
} from '@credence/app';
import { backtestForecast, date, generatePaymentHistory, indexHistory, trainForecast } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 17: the invoice import's yes/no columns `disputed` and `paperless`, the payment history the forecast
// reads (settlement = the date the balance closed), `forecast train` storing its model, and the backtest.
const AT = new Date('2024-01-10T09:00:00Z');
const ledger = generatePaymentHistory(11, 12, 14);
const yn = (b: boolean) => (b ? 'Yes' : 'no');
const cents = (n: number) => `${n}.00`;

for (const target of targets()) {
  describe(`payment forecast on ${target.name}`, () => {
    const h = useTarget(target);

    it('imports the flags, reads the history as of a date, trains, stores and backtests', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, { by: 'fiona', now: () => AT });
      const buyers = [...new Map(ledger.map((i) => [i.buyerId, i.country ?? 'DE'])).entries()];
      const b = await importBuyers(
        store,
        rowFile(
          'buyers.csv',
          ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
          buyers.map(([id, c]) => [id, id, c, 'EUR', '30']),
        ),
      );
      expect(b.ok).toBe(true);
      const docs = await importDocuments(
        store,
        rowFile(
          'invoices.csv',
          ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency', 'disputed', 'paperless'],
          ledger.map((i) => [
            i.number,
            i.buyerId,
            i.issueDate,
            i.dueDate,
            cents(i.amount),
            'EUR',
            yn(i.disputed),
            yn(i.paperless),
          ]),
        ),
      );
      expect(docs).toMatchObject({ ok: true, value: { created: ledger.length } });
      const pays = await importPayments(
        store,
        rowFile(
          'payments.csv',
          ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
          ledger.map((i) => [`P-${i.number}`, i.buyerId, i.settledDate ?? '', cents(i.amount), 'EUR', i.number]),
        ),
      );
      expect(pays.ok).toBe(true);

      const first = ledger[0];
      if (first === undefined) throw new Error('no invoices');
      const [stored] = await store.findDocuments([first.number]);
      expect(stored).toMatchObject({ disputed: first.disputed, paperless: first.paperless });

      const asOf = date('2022-09-30');
      const history = await store.paymentHistory(asOf);
      const expected = ledger.filter((i) => i.issueDate <= asOf);
      expect(history.length).toBe(expected.length);
      for (const r of history) {
        const src = expected.find((i) => i.number === r.number);
        expect(r.settledOn).toBe(
          src?.settledDate !== undefined && src.settledDate <= asOf ? src.settledDate : undefined,
        );
        expect(r.disputed).toBe(src?.disputed);
        expect(r.amount).toBe(BigInt((src?.amount ?? 0) * 100));
      }

      const until = date('2022-12-31');
      const trained = await trainPaymentForecast(store, until, 'fiona');
      expect(trained).toMatchObject({ ok: true, value: { id: 1, trainedUntil: until } });
      const latest = await store.latestForecastModel();
      expect(latest).toMatchObject({ id: 1, trainedUntil: until, by: 'fiona' });
      expect((latest?.model as { format: string } | undefined)?.format).toBe('credence-forecast/1');
      const audit = await listAudit(store, { entity: 'forecast_model:1' });
      expect(audit.map((e) => e.action)).toEqual(['forecast_train']);

      const bt = await backtestPaymentForecast(store, until, undefined, date('2024-01-10'));
      if (!bt.ok) throw new Error(JSON.stringify(bt.error));
      const index = indexHistory(ledger);
      const direct = backtestForecast(trainForecast(index, until), index);
      expect(bt.value.invoices).toEqual(direct.invoices);
      expect(bt.value.rmseDays).toBeCloseTo(direct.rmseDays as number, 9);
    });
  });
}
