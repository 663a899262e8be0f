// Issue 17: the demo's cash forecast over HTTP — 13 ISO weeks with their bands — and forecast against actual.

import { runCashForecast } from '@credence/app/cash-forecast';
import { date } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

let s: TestServer;
beforeAll(async () => {
  s = await openTestServer(true);
}, 300_000);
afterAll(() => s?.close());

interface Period {
  label: string;
  start: string;
  low: string;
  mid: string;
  high: string;
}

describe('GET /forecast/cash on the demo', () => {
  it('13 weeks from the Monday of the as-of week, then 3 months, each low ≤ mid ≤ high', async () => {
    const res = await s.call('collector', 'GET', '/api/v1/forecast/cash?asOf=2026-06-30&currency=EUR');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { weeks: Period[]; months: Period[]; expected: string; beyond: string };
    expect(body.weeks).toHaveLength(13);
    expect(body.weeks[0]).toMatchObject({ label: '2026-W27', start: '2026-06-29' });
    expect(body.months.map((m) => m.label)).toEqual(['2026-09', '2026-10', '2026-11']);
    for (const p of [...body.weeks, ...body.months]) {
      expect(Number(p.low)).toBeLessThanOrEqual(Number(p.mid));
      expect(Number(p.mid)).toBeLessThanOrEqual(Number(p.high));
    }
    expect(body.weeks.some((w) => Number(w.high) > Number(w.low))).toBe(true);
    const sum = [...body.weeks, ...body.months].reduce((a, p) => a + Math.round(Number(p.mid) * 100), 0);
    expect(sum + Math.round(Number(body.beyond) * 100)).toBe(Math.round(Number(body.expected) * 100));
  });

  it('is refused to sales', async () => {
    expect((await s.call('sales', 'GET', '/api/v1/forecast/cash')).status).toBe(403);
  });

  it('a run kept as of May is scored against the payments of the weeks over by June 30', async () => {
    const run = await runCashForecast(s.store, { asOf: date('2026-05-04'), currency: 'EUR' as never }, 'test');
    if (!run.ok) throw new Error(JSON.stringify(run.error));
    const res = await s.call('credit_manager', 'GET', '/api/v1/forecast/cash/accuracy?asOf=2026-06-30');
    expect(res.status).toBe(200);
    const a = (await res.json()) as { weeks: { label: string; actual: string; forecastAsOf: string }[]; wape: number };
    expect(a.weeks.map((w) => w.label)).toEqual([
      '2026-W19',
      '2026-W20',
      '2026-W21',
      '2026-W22',
      '2026-W23',
      '2026-W24',
      '2026-W25',
      '2026-W26',
    ]);
    expect(a.weeks.every((w) => w.forecastAsOf === '2026-05-04')).toBe(true);
    expect(a.weeks.some((w) => Number(w.actual) > 0)).toBe(true);
    expect(a.wape).toBeGreaterThanOrEqual(0);
  });
});
