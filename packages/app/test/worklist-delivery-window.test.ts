import { date } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { refreshWorklist } from '../src/collections/refresh-worklist';
import { listUnconfirmedDeliveries } from '../src/delivery/unconfirmed-deliveries';
import { importDocuments } from '../src/import/import-documents';
import { buyer, EUR, INVOICE_HEADER, seedBuyers, source } from './fixtures';
import { MemoryStore } from './memory-store';
import { worklistSetup } from './worklist-fixtures';

// Issue 18, item 5: a confirm_delivery task only while it is actionable — the confirmation fell due within the
// policy's window (30 days by default); older unconfirmed deliveries stay listed on the buyer page and case file.
const delivery = { afterDays: 7, minimum: { EUR: '1000.00' } };

describe('confirm_delivery tasks within a window', () => {
  it('derives tasks only for confirmations due within the window; the list keeps the older ones', async () => {
    const store = new MemoryStore();
    await seedBuyers(store, [buyer('B1')]);
    const rows = [
      ['D-NEW', 'B1', '2026-06-13', '2026-08-31', '5000.00', 'EUR'], // due 2026-06-20: 10 days late
      ['D-EDGE', 'B1', '2026-05-24', '2026-08-31', '5000.00', 'EUR'], // due 2026-05-31: 30 days late
      ['D-OLD', 'B1', '2026-04-01', '2026-08-31', '5000.00', 'EUR'], // due 2026-04-08: 83 days late
    ];
    expect((await importDocuments(store, source('i.csv', INVOICE_HEADER, rows))).ok).toBe(true);
    const asOf = date('2026-06-30');
    const day = { asOf, ...worklistSetup(), currency: EUR, defaultPd: 0.02, delivery };
    const first = await refreshWorklist(store, day);
    if (!first.ok) throw new Error('refresh');
    const tasks = (w: Awaited<ReturnType<typeof refreshWorklist>>) =>
      w.ok ? w.value.tasks.filter((t) => t.action === 'confirm_delivery').map((t) => [t.subject, t.daysOverdue]) : [];
    expect(tasks(first)).toEqual([
      ['D-EDGE', 30],
      ['D-NEW', 10],
    ]);
    // The buyer page and the case file still list all three.
    expect((await listUnconfirmedDeliveries(store, { asOf, policy: delivery })).map((d) => d.number)).toEqual([
      'D-OLD',
      'D-EDGE',
      'D-NEW',
    ]);
    // A day later D-EDGE's window has passed: its kept task leaves the list, saying why.
    const next = await refreshWorklist(store, { ...day, asOf: date('2026-07-01') });
    expect(tasks(next)).toEqual([['D-NEW', 11]]);
    expect(next.ok && next.value.closed.map((t) => [t.subject, t.closeReason])).toEqual([
      ['D-EDGE', 'delivery_window_passed'],
    ]);
    // A wider window brings the old one back as a task.
    const wide = await refreshWorklist(store, { ...day, delivery: { ...delivery, taskWindowDays: 90 } });
    expect(tasks(wide).map(([s]) => s)).toContain('D-OLD');
  });
});
