import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations } from './browser';
import { type DemoServer, demoStores, startDemoServer, TODAY } from './serve-demo';

// The cash forecast and the expected credit loss in Debian's Chromium against a real `credence serve` on the small
// demo (issue 17, item 6): the 13 weeks of the chart and table are the API's, with low ≤ mid ≤ high; the ECL table
// has the API's buckets and total; zh-CN; axe. CREDENCE_WEB_SHOTS=docs/img writes web-forecast.png and web-ecl.png.
const SHOTS = resolve(process.env.CREDENCE_WEB_SHOTS || mkdtempSync(join(tmpdir(), 'credence-web-shots-')));
mkdirSync(SHOTS, { recursive: true });

interface Period {
  label: string;
  low: string;
  mid: string;
  high: string;
}

describe.each(demoStores())('the forecast and ECL pages in Chromium, on the small demo in %s', (store) => {
  let s: DemoServer;
  let browser: Browser;
  let p: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startDemoServer('small', { store }), launch()]);
    p = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    await p.goto(`${s.url}/forecast?asOf=${TODAY}&currency=EUR`);
    await p.getByLabel('API token').fill(s.tokens.manager);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: 'Cash forecast as of Jun 30, 2026' }).waitFor();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('shows the 13 weeks of GET /forecast/cash with their band, chart and table', async () => {
    const api = await s.get<{ weeks: Period[]; months: Period[] }>(
      `/forecast/cash?asOf=${TODAY}&currency=EUR`,
      s.tokens.manager,
    );
    expect(api.weeks).toHaveLength(13);
    for (const w of api.weeks) {
      expect(Number(w.low)).toBeLessThanOrEqual(Number(w.mid));
      expect(Number(w.mid)).toBeLessThanOrEqual(Number(w.high));
    }
    await p.getByTestId('forecast-chart').locator('svg').waitFor();
    const rows = p.getByTestId('forecast-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(13 + api.months.length + 1);
    const first = await rows.first().locator('th').textContent();
    expect(first).toBe(api.weeks[0]?.label);
    const midText = await rows.first().locator('td').nth(2).textContent();
    expect(midText?.replace(/[^\d.]/g, '')).toBe(Number(api.weeks[0]?.mid).toFixed(2));
    await p.screenshot({ path: join(SHOTS, 'web-forecast.png'), fullPage: true });
    expect(await seriousViolations(p), 'forecast').toEqual([]);
  });

  it('the ECL page lists the buckets of GET /reports/ecl and its total, in zh-CN too', async () => {
    const api = await s.get<{ buckets: { label: string }[]; total: string }>(
      `/reports/ecl?asOf=${TODAY}&currency=EUR`,
      s.tokens.manager,
    );
    await p.getByRole('link', { name: 'Credit loss' }).click();
    await p.getByRole('heading', { name: 'Expected credit loss as of Jun 30, 2026' }).waitFor();
    // The roll rates read the aging at 13 month-ends: the table comes when they are done.
    await p.getByTestId('ecl-table').waitFor({ timeout: 60_000 });
    const rows = p.getByTestId('ecl-table').locator('tbody tr');
    expect(await rows.count()).toBe(api.buckets.length + 1);
    const total = await rows.last().locator('td').last().textContent();
    expect(total?.replace(/[^\d.]/g, '')).toBe(api.total);
    await p.screenshot({ path: join(SHOTS, 'web-ecl.png'), fullPage: true });
    expect(await seriousViolations(p), 'ecl').toEqual([]);
    await p.locator('select[name=lang]').selectOption('zh-CN');
    await p.getByRole('heading', { name: '截至 2026年6月30日 的预期信用损失' }).waitFor();
    expect(await seriousViolations(p), 'ecl zh-CN').toEqual([]);
  });
});
