import { completeTask, importDocuments, recordPayment } from '@credence/app';
import { runAlerts } from '@credence/app/monitoring';
import { type BusinessDate, date } from '@credence/core';
import { parseAlertPolicy } from '@credence/core/monitoring';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// The alert rules' `review_task` action (docs/domain/monitoring.md): an alert whose rule asks for it opens one
// `review_credit` task on the worklist for its buyer — once, however often the date is run, and not again when the
// task is marked done while the alert stays open; the task closes when its alert resolves.

const policy = (() => {
  // The overdue rule asks for a review; the review-overdue one (which also would, for buyers never reviewed) is off.
  const p = parseAlertPolicy({
    id: 'review',
    rules: { overdue_days: { actions: ['notify', 'review_task'] }, review_overdue: { enabled: false } },
  });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
})();

for (const target of targets()) {
  describe(`review tasks of alerts on ${target.name}`, () => {
    const h = useTarget(target);

    it('opens one task per open alert that asks for one, and closes it when the alert resolves', async () => {
      const { reset, engine } = h();
      await reset();
      const store = storeOn(engine, undefined, false);
      await store.transact((tx) =>
        tx.upsertBuyers(
          ['B1', 'B2'].map((id) => ({ id, name: id, country: 'DE', currency: EUR, paymentTermsDays: 30 })),
        ),
      );
      const docs = await importDocuments(
        store,
        rowFile(
          'i.csv',
          ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'],
          [
            ['B1-1', 'B1', 'invoice', '2026-02-01', '2026-03-01', '1000.00', 'EUR'],
            ['B2-1', 'B2', 'invoice', '2026-02-01', '2026-03-01', '700.00', 'EUR'],
          ],
        ),
      );
      expect(docs.ok).toBe(true);
      const run = async (asOf: string) => {
        const r = await runAlerts(store, { asOf: date(asOf), policy, baseCurrency: EUR });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value;
      };
      const reviews = async () =>
        (await store.worklistTasks({ states: ['open', 'snoozed', 'done'] })).filter(
          (t) => t.action === 'review_credit',
        );

      const first = await run('2026-06-30');
      const overdue = first.alerts.filter((a) => a.rule === 'overdue_days');
      expect(overdue.map((a) => a.buyerId).sort()).toEqual(['B1', 'B2']);
      expect(first.reviewTasks).toEqual({ opened: 2, closed: 0 });
      const tasks = await reviews();
      expect(tasks.map((t) => [t.buyerId, t.subject, t.state, t.reason.code]).sort()).toEqual(
        overdue.map((a) => [a.buyerId, a.key, 'open', 'alert_review']).sort(),
      );
      expect(tasks.find((t) => t.buyerId === 'B1')?.amount).toBe(1000_00n);

      // The same date again: nothing new.
      expect((await run('2026-06-30')).reviewTasks).toEqual({ opened: 0, closed: 0 });
      expect(await reviews()).toHaveLength(2);

      // B1's review done while its alert stays open: no second task the next day.
      const b1 = tasks.find((t) => t.buyerId === 'B1')?.key ?? '';
      expect((await completeTask(store, { key: b1, by: 'cora', note: 'limit kept' }, date('2026-07-01'))).ok).toBe(
        true,
      );
      expect((await run('2026-07-01')).reviewTasks).toEqual({ opened: 0, closed: 0 });

      // B2 pays: its alert resolves and its task closes with it.
      const paid = await recordPayment(store, {
        id: 'P1',
        buyerId: 'B2',
        date: date('2026-07-02') as BusinessDate,
        amount: 700_00n,
        currency: EUR,
      });
      expect(paid.ok).toBe(true);
      expect((await run('2026-07-02')).reviewTasks).toEqual({ opened: 0, closed: 1 });
      const after = await reviews();
      expect(after.map((t) => [t.buyerId, t.state, t.closeReason]).sort()).toEqual([
        ['B1', 'done', 'marked_done'],
        ['B2', 'done', 'alert_resolved'],
      ]);
    });
  });
}
