/** The worked examples of docs/domain/monitoring.md: one buyer per rule, and the lifecycle, on PGlite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import { checkOrder, importPayments } from '@credence/app';
import { decideAlert, listAlerts, runAlerts } from '@credence/app/monitoring';
import { type CurrencyCode, date, parseCheckPolicy } from '@credence/core';
import { type AlertPolicy, parseAlertPolicy } from '@credence/core/monitoring';
import { describe, expect, it } from 'vitest';
import { targets, useTarget } from '../../packages/db/test/harness';
import { cell, readDocTables, table } from './doc-tables';
import { AS_OF, seedScenario } from './monitoring-scenario';

const EUR = 'EUR' as CurrencyCode;
const markdown = readFileSync(new URL('./monitoring.md', import.meta.url), 'utf8');
const policyJson = /```json\n([\s\S]*?)```/.exec(markdown)?.[1];
const parsed = parseAlertPolicy(JSON.parse(policyJson ?? '{}'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy: AlertPolicy = parsed.value;
const check = parseCheckPolicy(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/check-policy.json', import.meta.url), 'utf8')),
);
if (!check.ok) throw new Error(JSON.stringify(check.error));
const rows = table(readDocTables(new URL('./monitoring.md', import.meta.url)), 'alerts').rows;

for (const target of targets()) {
  describe(`docs/domain/monitoring.md on ${target.name}`, () => {
    const h = useTarget(target);
    const run = (asOf: string) => runAlerts(h().store, { asOf: date(asOf), policy, baseCurrency: EUR });

    it('one buyer per rule fires exactly its alerts; a rerun creates none; a grade drop holds orders', async () => {
      const { store, reset } = h();
      await reset();
      await seedScenario(store);
      const first = await run(AS_OF);
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      const expected = rows.filter((r) => cell(r, 'key') !== '');
      expect(first.value.alerts.map((a) => a.key)).toEqual(expected.map((r) => cell(r, 'key')).sort());
      for (const r of expected) {
        const a = first.value.alerts.find((x) => x.key === cell(r, 'key'));
        expect(a?.severity, cell(r, 'key')).toBe(cell(r, 'severity'));
        const [name, value] = cell(r, 'figure').split('=') as [string, string];
        expect(String(a?.figures[name]), `${cell(r, 'key')} ${name}`).toBe(value);
        expect(a?.state).toBe('open');
      }
      // The buyers whose rows name no key fire nothing of their own.
      for (const r of rows.filter((x) => cell(x, 'key') === '' && !['HR', 'GO'].includes(cell(x, 'buyer'))))
        expect(first.value.alerts.filter((a) => a.buyerId === cell(r, 'buyer'))).toEqual([]);
      expect([...first.value.holdsSet].sort()).toEqual(['GO', 'GW', 'PL']);

      const again = await run(AS_OF);
      expect(again.ok && [again.value.opened, again.value.updated, again.value.resolved]).toEqual([0, 0, 0]);
      expect(await listAlerts(store)).toHaveLength(expected.length);

      const order = (buyerId: string) =>
        checkOrder(store, check.value, { buyerId, amount: 100_00n, currency: EUR, asOf: AS_OF });
      const gw = await order('GW');
      expect(gw.ok && gw.value.decision).toBe('hold');
      const q = await order('Q');
      expect(q.ok && q.value.decision).toBe('approve');
    });

    it('paying the overdue item resolves its alert; a snooze is quiet until its date', async () => {
      const { store } = h();
      const snoozed = await decideAlert(
        store,
        { key: 'utilisation:UT', decision: { action: 'snooze', until: date('2026-07-05') } },
        date('2026-07-01'),
      );
      expect(snoozed.ok && snoozed.value.state).toBe('snoozed');
      // The decision is in the audit trail, with its date.
      const trail = await store.auditEntries({ entityKind: 'alert', entityId: 'utilisation:UT' });
      expect(trail.map((e) => [e.action, e.details.snoozedUntil])).toContainEqual(['alert_snoozed', '2026-07-05']);
      const paid = await importPayments(store, {
        file: 'p.csv',
        columns: ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
        rows: [
          {
            row: 2,
            values: {
              payment_id: 'PAY-OD',
              buyer_id: 'OD',
              payment_date: '2026-07-01',
              amount: '2000.00',
              currency: 'EUR',
              document_number: 'OD-OLD',
            },
          },
        ],
      });
      expect(paid.ok).toBe(true);
      const next = await run('2026-07-01');
      if (!next.ok) throw new Error(JSON.stringify(next.error));
      expect(next.value.alerts.filter((a) => a.firstSeen === '2026-07-01').map((a) => a.key)).toEqual([]);
      expect(next.value.opened).toBe(0);
      const od = await store.alerts({ keys: ['overdue_days:OD'] });
      expect(od.map((a) => [a.state, a.resolution, a.resolvedOn])).toEqual([['resolved', 'cleared', '2026-07-01']]);

      const quiet = await run('2026-07-05');
      expect(quiet.ok && quiet.value.alerts.find((a) => a.key === 'utilisation:UT')?.state).toBe('snoozed');
      const woken = await run('2026-07-06');
      if (!woken.ok) throw new Error(JSON.stringify(woken.error));
      expect(woken.value.alerts.find((a) => a.key === 'utilisation:UT')?.state).toBe('open');
      expect(woken.value.opened).toBe(1);
    });
  });
}
