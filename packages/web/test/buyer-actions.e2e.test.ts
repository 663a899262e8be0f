import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../src/i18n/en';
import { launch, seriousViolations } from './browser';
import { type DemoServer, demoStores, startDemoServer, TODAY } from './serve-demo';

// The buyer page's actions in Debian's Chromium against a real `credence serve` on the small demo (issue 13,
// item 3): a collector lifts the demo's pause, previews and sends the next letter, adds a note, records a promise,
// opens and resolves a dispute and pauses dunning; each shows on the timeline (and in the API), in English and in
// Chinese; a refusal of the API shows in the form; a sales user is offered none of it.
// CREDENCE_WEB_SHOTS=docs/img writes the screenshot there (else into a temporary directory).
const SHOTS = resolve(process.env.CREDENCE_WEB_SHOTS || mkdtempSync(join(tmpdir(), 'credence-web-shots-')));
mkdirSync(SHOTS, { recursive: true });

interface Timeline {
  entries: { date: string; kind: string; ref?: string; summary: string; params: Record<string, string | number> }[];
}

describe.each(demoStores())('the buyer page, acting, in Chromium, on %s', (store) => {
  let s: DemoServer;
  let browser: Browser;
  let page: Page;
  /** The demo's paused buyer among the most overdue (its letter held by the pause), and its name. */
  let buyer: string | undefined;
  let name = '';
  beforeAll(async () => {
    [s, browser] = await Promise.all([startDemoServer('small', { store }), launch()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const top = await s.get<{ buyers: { buyerId: string }[] }>(
      `/reports/overdue-buyers?reportingCurrency=EUR&limit=50`,
      s.tokens.collector,
    );
    for (const b of top.buyers) {
      const tl = await s.get<Timeline>(`/buyers/${b.buyerId}/timeline`, s.tokens.collector);
      if (tl.entries.some((e) => e.kind === 'paused')) {
        buyer = b.buyerId;
        break;
      }
    }
    if (buyer === undefined) throw new Error('the demo paused no buyer among the most overdue');
    name = (await s.get<{ buyer: { name: string } }>(`/buyers/${buyer}`, s.tokens.collector)).buyer.name;
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const timeline = () => s.get<Timeline>(`/buyers/${buyer}/timeline`, s.tokens.collector);
  /** A business date as the page writes it in English (Intl's medium style: "Jun 30, 2026"). */
  const shown = (d: string) =>
    new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const day = shown(TODAY);
  const today = async () => (await timeline()).entries.filter((e) => e.date === TODAY);
  const dialog = () => page.getByRole('dialog');
  const rows = () => page.getByTestId('timeline').locator('tbody tr');
  /** Opens an action's dialog from its button, and checks the focus moved into it. */
  const act = async (name: string) => {
    await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name, exact: true }).click();
    await dialog().waitFor();
    expect(await dialog().evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
  };
  const noSeriousViolations = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);

  it('signs in as the collector and opens the buyer: its pause on the timeline, Lift offered, not Pause', async () => {
    await page.goto(`${s.url}/buyers/${encodeURIComponent(buyer ?? '')}`);
    await page.getByLabel('API token').fill(s.tokens.collector);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Actions' }).waitFor();
    await rows().first().waitFor();
    await page.getByText(/^Dunning paused until .*: restructuring talks$/).waitFor();
    const actions = page.getByRole('region', { name: 'Actions' }).getByRole('button');
    expect(await actions.allTextContents()).toEqual([
      'Add note',
      'Record promise',
      'Payment plan',
      'Open dispute',
      'Lift pause',
      'Next letter',
    ]);
  });

  it('lifts the pause; previews the next letter (HTML inline, PDF) and sends it after confirming', async () => {
    await act('Lift pause');
    await dialog().getByLabel('Reason').fill('talks failed');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Dunning resumed.').waitFor();
    await page.getByRole('cell', { name: 'Dunning resumed: talks failed' }).waitFor();
    await page.getByRole('button', { name: 'Pause dunning' }).waitFor();

    await act('Next letter');
    const frame = page.frameLocator('iframe[title="The letter as it will be sent"]');
    await frame.locator('body').getByText(name).first().waitFor();
    const pdf = dialog().getByRole('link', { name: 'Download PDF' });
    const type = await pdf.evaluate(async (a) =>
      (await fetch(a.getAttribute('href') ?? '')).headers.get('content-type'),
    );
    expect(type).toBe('application/pdf');
    const magic = await pdf.evaluate(async (a) =>
      new TextDecoder().decode((await (await fetch(a.getAttribute('href') ?? '')).arrayBuffer()).slice(0, 5)),
    );
    expect(magic).toBe('%PDF-');
    await page.waitForLoadState('networkidle');
    await noSeriousViolations('buyer page with the letter dialog open');
    await dialog().getByRole('button', { name: 'Send letter…' }).click();
    await dialog()
      .getByText(/cannot be recalled/)
      .waitFor();
    await dialog().getByRole('button', { name: 'Yes, send it' }).click();
    await page
      .getByRole('status')
      .getByText(/^Letter .* sent/)
      .waitFor();
    await dialog().waitFor({ state: 'detached' });
    const letter = (await today()).find((e) => e.kind === 'letter');
    expect(letter?.params.level).toBeDefined();
    await rows()
      .filter({ hasText: day })
      .filter({ hasText: new RegExp(`${en[`dunning.level.${letter?.params.level}` as MessageKey]} \\(.*pay by`) })
      .first()
      .waitFor();
  });

  it('adds a note, records a promise (a refusal first, in the form), opens and resolves a dispute, pauses', async () => {
    await act('Add note');
    await page.keyboard.press('Escape'); // Escape closes, the focus back on the button
    await dialog().waitFor({ state: 'detached' });
    const opener = page.getByRole('button', { name: 'Add note', exact: true });
    expect(await opener.evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
    await act('Add note');
    await noSeriousViolations('buyer page with the note dialog open');
    await dialog().getByLabel('Kind').selectOption('call');
    await dialog().getByLabel('Text').fill('Ms Chen: pays on Friday');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Ms Chen: pays on Friday' }).waitFor();

    await act('Record promise');
    await dialog()
      .getByLabel(/^Amount/)
      .fill('1500.00');
    await dialog().getByLabel('Pay by').fill('2026-01-05'); // in the past: the API refuses it
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().getByRole('alert').getByText('The date is in the past.').waitFor();
    await dialog().getByLabel('Pay by').fill('2026-07-10');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('cell', { name: new RegExp(`^Promise to pay .*1,500\\.00 by ${shown('2026-07-10')}`) })
      .waitFor();
    const promises = await s.get<{ promises: { buyerId: string; promisedDate: string }[] }>(
      `/promises?buyerId=${encodeURIComponent(buyer ?? '')}&open=true`,
      s.tokens.collector,
    );
    expect(promises.promises.map((p) => p.promisedDate)).toContain('2026-07-10');

    await act('Open dispute');
    const doc = await dialog().getByLabel('Document').inputValue();
    await dialog().getByLabel('Reason').selectOption('price');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: `Dispute on ${doc}: Price, owner collector` }).waitFor();
    await act('Resolve dispute');
    await dialog().getByLabel('Outcome').selectOption('rejected');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Dispute resolved: rejected' }).waitFor();

    await act('Pause dunning');
    await dialog().getByLabel('Paused until (inclusive)').fill('2026-07-20');
    await dialog().getByLabel('Reason').fill('awaiting the audit');
    await dialog().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: `Dunning paused until ${shown('2026-07-20')}: awaiting the audit` }).waitFor();
    const kinds = (await today()).map((e) => e.kind);
    for (const k of ['resumed', 'letter', 'call', 'promise_made', 'dispute_opened', 'dispute_resolved', 'paused'])
      expect(kinds, k).toContain(k);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, 'web-buyer-actions.png'), fullPage: true });
  });

  it('shows the timeline in Chinese after switching to zh-CN', async () => {
    await page.locator('select[name=lang]').selectOption('zh-CN');
    await page.getByRole('heading', { name: '操作' }).waitFor();
    await page.getByRole('cell', { name: /^催收暂停至 .*：awaiting the audit$/ }).waitFor();
    await page
      .getByRole('cell', { name: /^承诺于 .* 前支付 / })
      .first()
      .waitFor();
    await page.getByRole('cell', { name: /^对 .* 提出争议：价格问题，负责人 collector$/ }).waitFor();
    await page.getByRole('cell', { name: '争议已解决：驳回' }).waitFor();
    const text = await page.getByTestId('timeline').locator('tbody').textContent();
    expect(text).not.toMatch(/Dunning|Promise|Dispute|Level /);
    // A refusal of the API, in the form, in Chinese (and no English beside it).
    await page.getByRole('region', { name: '操作' }).getByRole('button', { name: '记录付款承诺' }).click();
    await dialog().getByLabel(/^金额/).fill('100');
    await dialog().getByLabel('付款日期').fill('2026-01-05');
    await dialog().getByRole('button', { name: '保存' }).click();
    expect(await dialog().getByRole('alert').textContent()).toBe('日期已过。');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.locator('select[name=lang]').selectOption('en');
  });

  it('lets the credit manager agree a payment plan and request a limit: the timeline and the limit panel show them', async () => {
    const top = await s.get<{ buyers: { buyerId: string }[] }>(
      `/reports/overdue-buyers?reportingCurrency=EUR&limit=50`,
      s.tokens.manager,
    );
    let other: string | undefined;
    for (const b of top.buyers) {
      const tl = await s.get<Timeline>(`/buyers/${b.buyerId}/timeline`, s.tokens.manager);
      if (!tl.entries.some((e) => /^(dispute|promise|plan|paused)/.test(e.kind))) {
        other = b.buyerId;
        break;
      }
    }
    if (other === undefined) throw new Error('no overdue buyer without commitments in the demo');
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await p.goto(`${s.url}/buyers/${encodeURIComponent(other)}`);
      await p.getByLabel('API token').fill(s.tokens.manager);
      await p.getByRole('button', { name: 'Sign in' }).click();
      const actions = p.getByRole('region', { name: 'Actions' });
      await actions.getByRole('button', { name: 'Payment plan' }).click();
      await p.getByRole('dialog').getByLabel('Monthly instalments').fill('2');
      await p.getByRole('dialog').getByLabel('First instalment').fill('2026-07-31');
      await p.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await p.getByRole('status').getByText('Payment plan of 2 instalments agreed.').waitFor();
      await p.getByRole('cell', { name: new RegExp(`^2 instalments for .* ${shown('2026-07-31')} to `) }).waitFor();
      await actions.getByRole('button', { name: 'Request limit' }).click();
      await p
        .getByRole('dialog')
        .getByLabel(/^Amount/)
        .fill('250000');
      await p.getByRole('dialog').getByLabel('Reason').fill('seasonal orders');
      await p.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      await p
        .getByRole('status')
        .getByText(/^Limit of .*250,000\.00 requested/)
        .waitFor();
      await p.getByText('1 request(s) waiting for approval').waitFor(); // the limit panel, read again
      const limit = await s.get<{ pending: { reason: string }[] }>(`/buyers/${other}/limit`, s.tokens.manager);
      expect(limit.pending.map((x) => x.reason)).toContain('seasonal orders');
    } finally {
      await p.close();
    }
  });

  it('offers a sales user none of the collector actions', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`${s.url}/buyers/${encodeURIComponent(buyer ?? '')}`);
      await p.getByLabel('API token').fill(s.tokens.sales);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: 'Timeline' }).waitFor();
      await p.getByTestId('timeline').waitFor();
      expect(await p.getByRole('heading', { name: 'Actions' }).count()).toBe(0);
      for (const name of ['Add note', 'Record promise', 'Open dispute', 'Pause dunning', 'Next letter'])
        expect(await p.getByRole('button', { name }).count(), name).toBe(0);
    } finally {
      await p.close();
    }
  });
});
