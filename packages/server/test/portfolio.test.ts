import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer, type TestServer } from './fixture';

/** The dashboard's aggregates agree with one another: each figure is the sum of the documents behind it. */
describe('portfolio reports and the documents behind them', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());
  const get = async <T>(path: string): Promise<T> => {
    const res = await s.call('collector', 'GET', `/api/v1${path}`);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  type M = { amount: string; currency: string };
  type Docs = { count: number; reporting: M; documents: { owed: M; bucket: number; daysOverdue: number }[] };

  it('lists, for each aging bar, documents whose sum is the bar', async () => {
    const aging = await get<{ reporting: { buckets: M[]; total: M } }>(
      '/reports/aging?asOf=2026-06-30&reportingCurrency=EUR',
    );
    let nonEmpty = 0;
    for (const [i, bar] of aging.reporting.buckets.entries()) {
      const d = await get<Docs>(`/documents?asOf=2026-06-30&bucket=${i}&limit=500`);
      expect(d.reporting, `bucket ${i}`).toEqual(bar);
      expect(d.documents.every((x) => x.bucket === i)).toBe(true);
      if (d.count > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(2);
    const all = await get<Docs>('/documents?asOf=2026-06-30');
    expect(all.reporting).toEqual(aging.reporting.total);
    expect(all.documents).toHaveLength(Math.min(50, all.count));
    const overdue = await get<Docs>('/documents?asOf=2026-06-30&overdue=1&limit=5&offset=5');
    expect(overdue.documents.every((x) => x.daysOverdue > 0)).toBe(true);
    expect(overdue.documents.length).toBeLessThanOrEqual(5);
  });

  it('gives exposure by grade and country that sum to the total and to their documents', async () => {
    const e = await get<{
      total: M;
      byGrade: { key: number | null; amount: M }[];
      byCountry: { key: string; amount: M }[];
    }>('/reports/exposure?asOf=2026-06-30');
    const cents = (m: M) => BigInt(m.amount.replace('.', ''));
    expect(e.byGrade.length).toBeGreaterThan(1);
    // Each slice is converted on its own (so it equals its documents): the slices differ from the total by rounding.
    const gap = (xs: { amount: M }[]) => xs.reduce((t, x) => t + cents(x.amount), 0n) - cents(e.total);
    for (const xs of [e.byGrade, e.byCountry]) expect(Math.abs(Number(gap(xs)))).toBeLessThanOrEqual(xs.length * 7);
    const aging = await get<{ reporting: { total: M } }>('/reports/aging?asOf=2026-06-30&reportingCurrency=EUR');
    expect(e.total).toEqual(aging.reporting.total);
    const country = e.byCountry[0];
    const grade = e.byGrade.find((g) => g.key !== null);
    if (!country || !grade) throw new Error('no slices');
    expect((await get<Docs>(`/documents?asOf=2026-06-30&country=${country.key}`)).reporting).toEqual(country.amount);
    expect((await get<Docs>(`/documents?asOf=2026-06-30&grade=${grade.key}`)).reporting).toEqual(grade.amount);
  });

  it('lists buyers over the limit in force, a page at a time', async () => {
    const f = await get<{ buyers: { buyerId: string }[] }>(
      '/reports/overdue-buyers?asOf=2026-06-30&reportingCurrency=EUR',
    );
    const id = f.buyers[0]?.buyerId;
    if (id === undefined) throw new Error('no overdue buyer');
    const set = await s.call('credit_manager', 'POST', `/api/v1/buyers/${id}/limit`, {
      amount: '1.00',
      currency: 'EUR',
      reason: 'test: a tiny limit',
      validFrom: '2026-06-01',
    });
    expect(set.status, await set.clone().text()).toBeLessThan(300);
    const o = await get<{ count: number; buyers: { buyerId: string; limit: M; exposure: M; excess: M }[] }>(
      '/reports/over-limit?asOf=2026-06-30',
    );
    const row = o.buyers.find((b) => b.buyerId === id);
    expect(row?.limit).toEqual({ amount: '1.00', currency: 'EUR' });
    expect(Number(row?.excess.amount)).toBeCloseTo(Number(row?.exposure.amount) - 1, 2);
    const before = await get<{ count: number }>('/reports/over-limit?asOf=2026-05-31');
    expect(before.count).toBe(o.count - 1);
  });

  it('gives the aging at each month-end, the last point asOf', async () => {
    const t = await get<{ labels: string[]; points: { asOf: string; buckets: M[]; total: M }[] }>(
      '/reports/aging-trend?asOf=2026-06-30&months=4',
    );
    expect(t.points.map((p) => p.asOf)).toEqual(['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']);
    const now = await get<{ reporting: { buckets: M[] } }>('/reports/aging?asOf=2026-06-30&reportingCurrency=EUR');
    expect(t.points.at(-1)?.buckets).toEqual(now.reporting.buckets);
    expect(t.points[0]?.buckets).toHaveLength(t.labels.length);
  });

  it('filters and pages the worklist on the server, each task with its buyer', async () => {
    type W = {
      count: number;
      tasks: { key: string; tier?: string; buyer?: { country: string } }[];
      facets: { tiers: string[]; countries: string[] };
    };
    const all = await get<W>('/worklist?asOf=2026-06-30&limit=500');
    expect(all.count).toBe(all.tasks.length);
    expect(all.tasks.every((x) => x.buyer !== undefined)).toBe(true);
    const tier = all.facets.tiers[0];
    const country = all.facets.countries[0];
    if (tier === undefined || country === undefined) throw new Error('no tiers or countries among the tasks');
    const byTier = await get<W>(`/worklist?asOf=2026-06-30&limit=500&tier=${tier}`);
    expect(byTier.tasks.map((x) => x.key)).toEqual(all.tasks.filter((x) => x.tier === tier).map((x) => x.key));
    const byCountry = await get<W>(`/worklist?asOf=2026-06-30&limit=500&country=${country}`);
    expect(byCountry.count).toBe(all.tasks.filter((x) => x.buyer?.country === country).length);
    const second = await get<W>('/worklist?asOf=2026-06-30&limit=2&offset=2');
    expect(second.tasks.map((x) => x.key)).toEqual(all.tasks.slice(2, 4).map((x) => x.key));
    expect(second.count).toBe(all.count);
  });
});
