import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../calendar';
import type { CurrencyCode } from '../money';
import { evaluateAlerts } from './evaluate';
import { type Alert, decideAlert, reconcileAlerts } from './lifecycle';
import { DEFAULT_ALERT_RULES, parseAlertPolicy, rulesFor } from './rules';
import type { MonitoredBuyer, PortfolioState } from './state';

const d = (s: string) => s as BusinessDate;
const EUR = 'EUR' as CurrencyCode;
const asOf = d('2026-06-30');
const buyer = (id: string, x: Partial<MonitoredBuyer> = {}): MonitoredBuyer => ({
  buyerId: id,
  country: 'DE',
  currency: EUR,
  exposure: 100_00n,
  baseExposure: 100_00n,
  overdueItems: [],
  promisesBroken: [],
  plansBroken: [],
  disputes: [],
  external: [],
  ...x,
});
const policy = (json: unknown) => {
  const p = parseAlertPolicy(json);
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
/** With twenty quiet buyers of the same size beside (no one holds more than 10 % of the receivables). */
const state = (buyers: MonitoredBuyer[]): PortfolioState => ({
  asOf,
  baseCurrency: EUR,
  buyers: [...buyers, ...Array.from({ length: 20 }, (_, i) => buyer(`F${i}`))],
});

describe('the alert policy', () => {
  it('fills in the defaults and lets a segment override one field', () => {
    const p = policy({
      id: 'p',
      rules: { utilisation: { percent: 90 } },
      segments: [{ when: { country: 'IT' }, rules: { overdue_days: { days: 30 } } }],
    });
    expect(p.rules.utilisation).toEqual({ ...DEFAULT_ALERT_RULES.utilisation, percent: 90 });
    expect(rulesFor(p, { country: 'IT' }).overdue_days.days).toBe(30);
    expect(rulesFor(p, { country: 'IT' }).utilisation.percent).toBe(90);
    expect(rulesFor(p, { country: 'DE' }).overdue_days.days).toBe(60);
  });
  it('names every problem with its path', () => {
    const p = parseAlertPolicy({
      id: 'p',
      rules: { utilisation: { percent: 150 }, nope: {} },
      segments: [{ when: {}, rules: {} }],
    });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const reason = String((p.error as { params?: { reason?: string } }).params?.reason ?? JSON.stringify(p.error));
    expect(reason).toContain('rules.utilisation.percent');
    expect(reason).toContain('nope');
    expect(reason).toContain('segments.0.when');
  });
});

describe('evaluateAlerts', () => {
  it('fires nothing for a quiet buyer, and the figures that made a rule fire', () => {
    const p = policy({ id: 'p' });
    expect(evaluateAlerts(state([buyer('Q', { limit: { amount: 1000_00n, kind: 'approved' } })]), p)).toEqual([]);
    const [c] = evaluateAlerts(
      state([buyer('U', { exposure: 900_00n, limit: { amount: 1000_00n, kind: 'approved' } })]),
      p,
    );
    expect(c).toMatchObject({
      key: 'utilisation:U',
      rule: 'utilisation',
      figures: { utilisation: 90, limit: '1000.00' },
    });
  });
  it('keys items overdue beyond the policy by the buyer, naming the oldest; a disabled rule fires nothing', () => {
    const b = buyer('O', {
      overdueItems: [
        { number: 'INV-1', dueDate: d('2026-04-01'), open: 10_00n },
        { number: 'INV-0', dueDate: d('2026-03-01'), open: 5_00n },
        { number: 'INV-2', dueDate: d('2026-06-01'), open: 7_00n },
      ],
    });
    const [c] = evaluateAlerts(state([b]), policy({ id: 'p' }));
    expect(c).toMatchObject({
      key: 'overdue_days:O',
      measure: 15_00n,
      figures: { items: 2, open: '15.00', oldest: 'INV-0' },
    });
    expect(evaluateAlerts(state([b]), policy({ id: 'p', rules: { overdue_days: { enabled: false } } }))).toEqual([]);
  });
});

const cond = (measure: bigint, severity: 'info' | 'warning' | 'critical' = 'warning') => ({
  key: 'dbt_drift:B',
  rule: 'dbt_drift' as const,
  buyerId: 'B',
  severity,
  figures: { up: Number(measure) },
  measure,
  actions: [],
});

describe('the alert lifecycle', () => {
  const first = reconcileAlerts([], [cond(12n)], d('2026-06-01')).opened;
  const a = first[0] as Alert;
  it('opens once; the same date again changes nothing; a cleared condition resolves it', () => {
    expect(first).toHaveLength(1);
    expect(reconcileAlerts(first, [cond(12n)], d('2026-06-01'))).toEqual({ opened: [], updated: [], resolved: [] });
    const next = reconcileAlerts(first, [cond(12n)], d('2026-06-02'));
    expect(next.updated.map((x) => [x.state, x.firstSeen, x.lastSeen])).toEqual([['open', '2026-06-01', '2026-06-02']]);
    const gone = reconcileAlerts(first, [], d('2026-06-02'));
    expect(gone.resolved.map((x) => [x.state, x.resolution, x.resolvedOn])).toEqual([
      ['resolved', 'cleared', '2026-06-02'],
    ]);
    expect(reconcileAlerts(gone.resolved, [cond(12n)], d('2026-06-03')).opened[0]?.firstSeen).toBe('2026-06-03');
  });
  it('a snoozed alert stays quiet until the day after its date, or until it worsens', () => {
    const snoozed = decideAlert(a, { action: 'snooze', until: d('2026-06-10') }, d('2026-06-01')) as Alert;
    const quiet = reconcileAlerts([snoozed], [cond(12n)], d('2026-06-10'));
    expect(quiet.opened).toEqual([]);
    expect(quiet.updated[0]?.state).toBe('snoozed');
    expect(reconcileAlerts([snoozed], [cond(12n)], d('2026-06-11')).opened[0]?.state).toBe('open');
    expect(reconcileAlerts([snoozed], [cond(15n)], d('2026-06-05')).opened[0]?.state).toBe('open');
    expect(reconcileAlerts([snoozed], [cond(12n, 'critical')], d('2026-06-05')).opened).toHaveLength(1);
  });
  it('a manual resolution holds while the condition persists unchanged', () => {
    const done = decideAlert(a, { action: 'resolve', note: 'agreed with sales' }, d('2026-06-02')) as Alert;
    expect(reconcileAlerts([done], [cond(12n)], d('2026-06-03'))).toEqual({ opened: [], updated: [], resolved: [] });
    expect(reconcileAlerts([done], [cond(20n)], d('2026-06-03')).opened[0]?.note).toBeUndefined();
    expect(decideAlert(done, { action: 'ack' }, d('2026-06-03'))).toBeUndefined();
    expect(decideAlert(a, { action: 'snooze', until: d('2026-05-01') }, d('2026-06-03'))).toBeUndefined();
  });
});
