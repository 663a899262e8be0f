import { readFileSync } from 'node:fs';
import { addWebhook } from '@credence/app';
import { decideAlert, listAlerts, runAlerts } from '@credence/app/monitoring';
import { type CurrencyCode, date } from '@credence/core';
import { parseAlertPolicy } from '@credence/core/monitoring';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../packages/app/test/memory-store';
import { cell, readDocTables, table } from './doc-tables';
import { AS_OF, seedScenario } from './monitoring-scenario';

// The in-memory store gives monitoring what the SQL stores give (docs/domain/monitoring-examples.test.ts runs
// the same portfolio on PGlite and PostgreSQL): the same alerts, the same lifecycle.
const doc = new URL('./monitoring.md', import.meta.url);
const json = /```json\n([\s\S]*?)```/.exec(readFileSync(doc, 'utf8'))?.[1] ?? '{}';
const parsed = parseAlertPolicy(JSON.parse(json));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const EUR = 'EUR' as CurrencyCode;

describe('monitoring on the in-memory store', () => {
  it('fires the alerts of the worked example, records them once, and takes decisions', async () => {
    const store = new MemoryStore();
    await seedScenario(store);
    const hook = await addWebhook(store, {
      url: 'https://erp.example/hooks',
      events: ['alert.opened', 'alert.resolved'],
    });
    expect(hook.ok).toBe(true);
    const r = await runAlerts(store, { asOf: AS_OF, policy, baseCurrency: EUR });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const keys = table(readDocTables(doc), 'alerts')
      .rows.map((x) => cell(x, 'key'))
      .filter((k) => k !== '')
      .sort();
    expect(r.value.alerts.map((a) => a.key)).toEqual(keys);
    expect([...r.value.holdsSet].sort()).toEqual(['GO', 'GW', 'PL']);
    const again = await runAlerts(store, { asOf: AS_OF, policy, baseCurrency: EUR });
    expect(again.ok && [again.value.opened, again.value.updated, again.value.resolved]).toEqual([0, 0, 0]);
    // Of the example's rules only over_limit asks for a webhook (the defaults): one event, written once.
    const opened = store.webhookEvents().filter((e) => e.type === 'alert.opened');
    expect(opened.map((e) => e.dedupKey)).toEqual(['alert.opened:over_limit:OL:2026-06-30']);
    expect(opened[0]?.payload).toMatchObject({
      key: 'over_limit:OL',
      severity: 'critical',
      figures: { excess: '2000.00' },
    });
    const acked = await decideAlert(store, { key: 'pd_above:PD', decision: { action: 'ack' } }, AS_OF);
    expect(acked.ok && acked.value.state).toBe('acknowledged');
    const noNote = await decideAlert(store, { key: 'pd_above:PD', decision: { action: 'resolve', note: ' ' } }, AS_OF);
    expect(noNote.ok).toBe(false);
    const unknown = await decideAlert(store, { key: 'nope', decision: { action: 'ack' } }, AS_OF);
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    const resolved = await decideAlert(
      store,
      { key: 'pd_above:PD', decision: { action: 'resolve', note: 'guarantee from the parent' } },
      date('2026-07-01'),
    );
    expect(resolved.ok && [resolved.value.state, resolved.value.resolution]).toEqual(['resolved', 'manual']);
    expect((await listAlerts(store)).map((a) => a.key)).not.toContain('pd_above:PD');
    expect((await listAlerts(store, { buyerId: 'HR' })).map((a) => a.rule)).toEqual([
      'high_risk_tier',
      'review_overdue',
    ]);
    // One buyer at a time, ranked by its leading alert; GO's other alerts follow its grade drop.
    const listed = (await listAlerts(store)).map((a) => a.key);
    expect(listed.slice(0, 7)).toEqual([
      'over_limit:OL',
      'plan_broken:PL:PLAN-1',
      'insurer_limit_reduced:IL',
      'grade_worsened:GO',
      'high_risk_tier:GO',
      'pd_above:GO',
      'review_overdue:GO',
    ]);
    // PL's plan was broken on 25 June: 30 days on, its alert clears and monitoring lifts the hold it set; GW's
    // grade is still two notches down, so GW stays on hold.
    const later = await runAlerts(store, { asOf: date('2026-07-25'), policy, baseCurrency: EUR });
    if (!later.ok) throw new Error(JSON.stringify(later.error));
    expect(later.value.holdsLifted).toEqual(['PL']);
    expect((await store.holdsOf('PL')).map((h) => [h.action, h.by, h.recordedOn])).toEqual([
      ['hold', 'monitoring', '2026-06-30'],
      ['release', 'monitoring', '2026-07-25'],
    ]);
    expect((await store.holdsOf('GW')).map((h) => h.action)).toEqual(['hold']);
  });
});
