import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations } from './browser';
import { type DemoServer, demoStores, startDemoServer, TODAY } from './serve-demo';

// The import page in Debian's Chromium against a real `credence serve` on the small demo (issue 13, item 8): a file
// with bad rows shows its row errors as a table and imports nothing (asked of the API), the corrected file imports,
// the same file again adds nothing new, an XLSX workbook imports; axe on each state. On both stores, like
// browser.e2e.test.ts; CREDENCE_WEB_SHOTS=docs/img writes web-import.png (the rejected file) once, on PGlite.
const SHOTS = resolve(process.env.CREDENCE_WEB_SHOTS || mkdtempSync(join(tmpdir(), 'credence-web-shots-')));
mkdirSync(SHOTS, { recursive: true });

const HEADER = 'document_number,buyer_id,issue_date,due_date,amount,currency,type';
/** Three invoices of B00001 in its currency, due after the demo's date (so they stay open). */
const GOOD = (currency: string) =>
  [
    HEADER,
    `WEB-IMP-1,B00001,2026-06-01,2026-07-31,1200.00,${currency},invoice`,
    `WEB-IMP-2,B00001,2026-06-02,2026-08-01,845.50,${currency},invoice`,
    `WEB-IMP-3,B00001,2026-06-03,2026-08-02,99.99,${currency},invoice`,
  ].join('\n');
/** Row 2 fine; row 3 an unknown buyer, row 4 not a date, row 5 a negative amount, row 6 an unknown currency. */
const BAD = (currency: string) =>
  [
    HEADER,
    `WEB-IMP-1,B00001,2026-06-01,2026-07-31,1200.00,${currency},invoice`,
    `WEB-IMP-2,NO-SUCH-BUYER,2026-06-02,2026-08-01,845.50,${currency},invoice`,
    `WEB-IMP-3,B00001,2026-13-40,2026-08-02,99.99,${currency},invoice`,
    `WEB-IMP-4,B00001,2026-06-03,2026-08-02,-5.00,${currency},invoice`,
    'WEB-IMP-5,B00001,2026-06-03,2026-08-02,5.00,XXX,invoice',
  ].join('\n');

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Kunden');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface BuyerDetail {
  buyer: { currency: string };
  openItems: { number: string }[];
}

describe.each(demoStores())('the import page in Chromium, on the small demo in %s', (store) => {
  let s: DemoServer;
  let browser: Browser;
  let page: Page;
  let currency = '';
  beforeAll(async () => {
    [s, browser] = await Promise.all([startDemoServer('small', { store }), launch()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    currency = (await s.get<BuyerDetail>(`/buyers/B00001?asOf=${TODAY}`, s.tokens.manager)).buyer.currency;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const noSeriousViolations = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);
  const imported = async () =>
    (await s.get<BuyerDetail>(`/buyers/B00001?asOf=${TODAY}`, s.tokens.manager)).openItems
      .map((x) => x.number)
      .filter((n) => n.startsWith('WEB-IMP-'))
      .sort();
  const upload = async (name: string, text: string | Buffer, kind = 'invoices') => {
    await page.locator('select[name=kind]').selectOption(kind);
    await page.locator('input[name=file]').setInputFiles({
      name,
      mimeType: name.endsWith('.xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv',
      buffer: typeof text === 'string' ? Buffer.from(text) : text,
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#result-head').waitFor();
  };
  const count = async (id: string) => Number(await page.getByTestId(id).locator('dd').textContent());

  it('is offered to the credit manager, with the kinds the role may upload', async () => {
    await page.goto(`${s.url}/`);
    await page.getByLabel('API token').fill(s.tokens.manager);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('total').waitFor();
    const nav = page.getByRole('navigation').first();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Portfolio',
      'Buyers',
      'Worklist',
      'Dunning',
      'Credit desk',
      'Import',
      'Cash forecast',
      'Credit loss',
    ]);
    await nav.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
    expect(await page.locator('select[name=kind] option').allTextContents()).toEqual([
      'Invoices and credit notes',
      'Payments',
      'Buyers (master data)',
      'Orders',
      'FX rates',
      'Financial statements',
    ]);
    await noSeriousViolations('import form');
  });

  it('shows the row errors of a bad file as a table, and imports nothing of it', async () => {
    await upload('invoices-june.csv', BAD(currency));
    await page.getByRole('heading', { name: 'invoices-june.csv: nothing imported, 4 row errors' }).waitFor();
    const rows = await page
      .locator('table.row-errors tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['3', 'buyer_id', 'NO-SUCH-BUYER', 'no such buyer (import buyers first)'],
      ['4', 'issue_date', '2026-13-40', 'not a date in the format YYYY-MM-DD'],
      ['5', 'amount', '-5.00', 'must be greater than zero'],
      ['6', 'currency', 'XXX', 'unknown currency (ISO 4217 code expected)'],
    ]);
    expect(await imported()).toEqual([]); // all or nothing: not even row 2
    await noSeriousViolations('import rejected');
    if (store === 'pglite') await page.screenshot({ path: join(SHOTS, 'web-import.png'), fullPage: true });
    // The same errors in Traditional Chinese, from the codes the API returns.
    await page.locator('select[name=lang]').selectOption('zh-TW');
    await page.getByRole('heading', { name: 'invoices-june.csv：未匯入任何內容，4 個列錯誤' }).waitFor();
    await page.getByRole('cell', { name: '沒有該買方（請先匯入買方）' }).waitFor();
    await page.getByRole('cell', { name: '必須大於零' }).waitFor();
    await page.locator('select[name=lang]').selectOption('en');
  });

  it('imports the corrected file, and the same file again adds nothing new', async () => {
    await upload('invoices-june.csv', GOOD(currency));
    await page.getByRole('heading', { name: 'invoices-june.csv imported' }).waitFor();
    expect([await count('rows'), await count('created'), await count('unchanged')]).toEqual([3, 3, 0]);
    expect(await imported()).toEqual(['WEB-IMP-1', 'WEB-IMP-2', 'WEB-IMP-3']);
    await noSeriousViolations('import done');
    await upload('invoices-june.csv', GOOD(currency));
    await page.getByText('Nothing new: all 3 rows were already recorded with the same content.').waitFor();
    expect([await count('rows'), await count('created'), await count('unchanged')]).toEqual([3, 0, 3]);
    expect(await imported()).toEqual(['WEB-IMP-1', 'WEB-IMP-2', 'WEB-IMP-3']);
  });

  it('imports an XLSX workbook of buyers', async () => {
    const xlsx = await workbook([
      ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days'],
      ['WEB-B1', 'Hanse Kontor GmbH', 'DE', 'EUR', 30],
      ['WEB-B2', '台北精密股份有限公司', 'TW', 'TWD', 60],
    ]);
    await upload('kunden.xlsx', xlsx, 'buyers');
    await page.getByRole('heading', { name: 'kunden.xlsx imported' }).waitFor();
    expect([await count('rows'), await count('created')]).toEqual([2, 2]);
    const b2 = await s.get<BuyerDetail & { buyer: { name: string } }>(`/buyers/WEB-B2?asOf=${TODAY}`, s.tokens.manager);
    expect(b2.buyer.name).toBe('台北精密股份有限公司');
  });

  it('is not offered to a collector', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`${s.url}/`);
      await p.getByLabel('API token').fill(s.tokens.collector);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByTestId('total').waitFor();
      expect(await p.getByRole('navigation').first().getByRole('link').allTextContents()).not.toContain('Import');
      await p.goto(`${s.url}/import`);
      await p.getByTestId('total').waitFor(); // the role's first page instead
      expect(await p.getByRole('heading', { name: 'Import a file' }).count()).toBe(0);
    } finally {
      await p.close();
    }
  });
});
