import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations } from './browser';
import { type DemoServer, startDemoServer, TODAY } from './serve-demo';

// The dashboard's aggregates and the collector's worklist in Chromium against `credence serve` on a demo
// (issue 13, items 2 and 4): the trend, exposure and over-limit panels are the API's; a bucket opens the
// documents that sum to it; the worklist filters by level and tier and is driven from the keyboard.
// CREDENCE_WEB_DEMO_SIZE=medium|large measures the first paint there (docs/benchmarks.md);
// CREDENCE_WEB_SHOTS=docs/img writes web-dashboard.png and web-worklist.png there.
const SIZE = process.env.CREDENCE_WEB_DEMO_SIZE ?? 'small';
const SHOTS = resolve(process.env.CREDENCE_WEB_SHOTS || mkdtempSync(join(tmpdir(), 'credence-dash-shots-')));
mkdirSync(SHOTS, { recursive: true });

type M = { amount: string; currency: string };
interface Exposure {
  byGrade: { key: number | null; amount: M }[];
  byCountry: { key: string; amount: M }[];
}
interface Task {
  key: string;
  tier?: string;
  reason: { params: Record<string, unknown> };
}

describe(`the dashboard and the worklist in Chromium, on the ${SIZE} demo`, () => {
  let s: DemoServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [s, browser] = await Promise.all([startDemoServer(SIZE), launch()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(`${s.url}/?asOf=${TODAY}`);
    await page.getByLabel('API token').fill(s.tokens.manager);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('total').waitFor();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `web-${name}.png`), fullPage: true });
  const noSeriousViolations = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);
  const api = <T>(path: string) => s.get<T>(path, s.tokens.manager);

  it('paints the dashboard: figures, trend, exposure and over-limit panels (timings reported)', async () => {
    const started = Date.now();
    await page.goto(`${s.url}/?asOf=${TODAY}`);
    await page.getByTestId('total').waitFor();
    const figures = Date.now() - started;
    await page.locator('[data-testid=trend-chart] svg').waitFor({ timeout: 120_000 });
    await page.locator('[data-testid=exposure-country] tbody tr').first().waitFor({ timeout: 120_000 });
    const panels = Date.now() - started;
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    console.log(`dashboard on the ${SIZE} demo: ${JSON.stringify({ fcp, figures, panels })} ms`);
    expect(fcp).not.toBeNull();
  });

  it('draws the aging trend: a stacked bar per month-end, the last one as of the date', async () => {
    const trend = await api<{ points: { asOf: string; total: M }[]; labels: string[] }>(
      `/reports/aging-trend?asOf=${TODAY}&reportingCurrency=EUR`,
    );
    expect(trend.points).toHaveLength(12);
    expect(trend.points.at(-1)?.asOf).toBe(TODAY);
    const svg = page.locator('[data-testid=trend-chart] svg');
    const label = (await page.getByTestId('trend-chart').getAttribute('aria-label')) ?? '';
    // ECharts' aria description: the title, then the last month's buckets in words.
    expect(label).toMatch(/^Aging by month-end: .*Not due/);
    // One bar shape per month and bucket with an amount, at least a month's worth.
    expect(await svg.locator('path').count()).toBeGreaterThan(trend.labels.length);
    await expect(svg.textContent()).resolves.toContain('Not due'); // the legend, in words
  });

  it('shows exposure by grade and by country, and the buyers over limit, as the API gives them', async () => {
    const e = await api<Exposure>(`/reports/exposure?asOf=${TODAY}&reportingCurrency=EUR`);
    const countries = await page
      .locator('[data-testid=exposure-country] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-country'), r.getAttribute('data-amount')]));
    expect(countries).toEqual(e.byCountry.slice(0, 8).map((c) => [c.key, c.amount.amount]));
    const grades = await page
      .locator('[data-testid=exposure-grade] li')
      .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-grade')), r.getAttribute('data-amount')]));
    expect(grades).toEqual(e.byGrade.filter((g) => g.key !== null).map((g) => [g.key, g.amount.amount]));
    const over = await api<{ count: number; buyers: { buyerId: string; excess: M }[] }>(
      `/reports/over-limit?asOf=${TODAY}&limit=25`,
    );
    if (over.count === 0) await page.getByText('No buyer is over its limit.').waitFor();
    else {
      const rows = await page
        .locator('[data-testid=over-limit] tbody tr')
        .evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-buyer'), r.getAttribute('data-excess')]));
      expect(rows).toEqual(over.buyers.map((b) => [b.buyerId, b.excess.amount]));
    }
    await noSeriousViolations('dashboard');
    await shot('dashboard');
  });

  it('opens the documents behind an aging bar: their sum is the bar', async () => {
    const aging = await api<{ reporting: { buckets: M[] } }>(`/reports/aging?asOf=${TODAY}&reportingCurrency=EUR`);
    const bucket = aging.reporting.buckets.findIndex((b, i) => i > 0 && Number(b.amount) > 0);
    expect(bucket).toBeGreaterThan(0);
    await page.locator('[data-testid=aging-links] a').nth(bucket).dispatchEvent('click');
    await page.getByRole('heading', { name: 'Open documents as of Jun 30, 2026' }).waitFor();
    await page.locator('[data-testid=documents] tbody tr').first().waitFor();
    expect(await page.getByTestId('documents-sum').getAttribute('data-amount')).toBe(
      aging.reporting.buckets[bucket]?.amount,
    );
    const rows = await page.locator('[data-testid=documents] tbody tr').count();
    const count = Number(await page.getByTestId('documents').getAttribute('data-count'));
    expect(rows).toBe(Math.min(25, count));
    await noSeriousViolations('documents');
  });

  it('filters the worklist by level and by tier', async () => {
    await page.goto(`${s.url}/worklist?asOf=${TODAY}`);
    await page.locator('[data-testid=worklist] tbody tr').first().waitFor();
    const tasks = (await s.get<{ tasks: Task[] }>(`/worklist?asOf=${TODAY}&limit=500`, s.tokens.collector)).tasks;
    const tier = tasks.find((x) => x.tier)?.tier;
    const level = tasks.map((x) => x.reason.params.level).find((l) => l !== undefined);
    if (tier === undefined || level === undefined) throw new Error('the demo worklist has no tier or no level');
    // The server filters: the rows change once its answer is in.
    const present = (attr: 'tier' | 'level') =>
      page
        .locator('[data-testid=worklist] tbody tr')
        .evaluateAll((rs, a) => [...new Set(rs.map((r) => r.getAttribute(`data-${a}`)))], attr);
    await page.getByLabel('Risk tier').selectOption(tier);
    await expect.poll(() => present('tier'), { timeout: 60_000 }).toEqual([tier]);
    await page.getByLabel('Risk tier').selectOption('');
    await page.getByLabel('Level').selectOption(String(level));
    await expect.poll(() => present('level'), { timeout: 60_000 }).toEqual([String(level)]);
    await page.getByLabel('Level').selectOption('');
    await expect
      .poll(() => page.locator('[data-testid=worklist] tbody tr').count(), { timeout: 60_000 })
      .toBe(Math.min(25, tasks.length));
  });

  it('is driven from the keyboard: j moves, d marks done, s snoozes, both recorded', async () => {
    await page.getByText('Keys: j / k').waitFor();
    await noSeriousViolations('worklist');
    await shot('worklist');
    const rows = page.locator('[data-testid=worklist] tbody tr');
    await page.locator('h1').click(); // the focus off the filters
    await page.keyboard.press('j');
    await page.locator('[data-testid=worklist] tbody tr.current').nth(0).waitFor();
    const second = (await rows.nth(1).getAttribute('data-key')) ?? '';
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('d');
    await page.locator(`tr[data-key="${second}"]`).waitFor({ state: 'detached' });
    const current = (await page.locator('[data-testid=worklist] tbody tr.current').getAttribute('data-key')) ?? '';
    const before = await s.get<{ snoozed: number }>(`/worklist?asOf=${TODAY}&limit=500`, s.tokens.collector);
    await page.keyboard.press('s');
    await page.locator(`tr[data-key="${current}"]`).waitFor({ state: 'detached' });
    const after = await s.get<{ tasks: Task[]; snoozed: number }>(
      `/worklist?asOf=${TODAY}&limit=500`,
      s.tokens.collector,
    );
    const keys = after.tasks.map((x) => x.key);
    expect(keys).not.toContain(second);
    expect(keys).not.toContain(current);
    expect(after.snoozed).toBe(before.snoozed + 1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Open documents' }).waitFor();
  });

  it('reads in Chinese: the new panels and the worklist help in zh-CN', async () => {
    await page.goto(`${s.url}/?asOf=${TODAY}`);
    await page.locator('select[name=lang]').selectOption('zh-CN');
    await page.getByRole('heading', { name: '各月末账龄' }).waitFor();
    await page.getByRole('heading', { name: '按风险等级的敞口' }).waitFor();
    await page.getByRole('heading', { name: '按国家的敞口' }).waitFor();
    await page.getByRole('heading', { name: '超出额度的买方' }).waitFor();
    await page.locator('[data-testid=trend-chart] svg').waitFor();
    await expect(page.locator('[data-testid=trend-chart] svg').textContent()).resolves.toContain('未到期');
    await noSeriousViolations('dashboard zh-CN');
    await page.goto(`${s.url}/worklist?asOf=${TODAY}`);
    await page.getByText('快捷键').waitFor();
    await page.locator('select[name=lang]').selectOption('en');
  });
});
