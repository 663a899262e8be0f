import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations } from './browser';
import { type DemoServer, startDemoServer } from './serve-demo';

// The dunning page in Chromium against a real `credence serve` (issue 13 item 6): the demo is built as of
// 2026-06-30 (its weekly runs recorded up to that day) and served on RUN_DAY, a week later, with the letters'
// outbox directory of its own (no SMTP configured: e-mails are .eml files, printed letters PDFs there).
// An invoice imported since the last confirmed run and due before it makes RUN_DAY a first run: letters beyond the
// first overdue level are held until confirmed. CREDENCE_WEB_SHOTS=docs/img writes web-dunning.png there.
const RUN_DAY = '2026-07-07';
const SHOTS = resolve(process.env.CREDENCE_WEB_SHOTS || mkdtempSync(join(tmpdir(), 'credence-web-shots-')));
mkdirSync(SHOTS, { recursive: true });
const OUTBOX = mkdtempSync(join(tmpdir(), 'credence-web-outbox-'));

interface DryRun {
  actions: { letterId: string; buyerId: string; buyerName: string }[];
  firstRun?: { confirmed: boolean; held: { buyerId: string }[] };
}
interface RunLetters {
  letters: { letterId: string; deliveries: { id: string; status: string }[] }[];
  deliveries: Record<string, number>;
}

describe('the dunning page in Chromium', () => {
  let s: DemoServer;
  let browser: Browser;
  let page: Page;
  let dry: DryRun;
  beforeAll(async () => {
    [s, browser] = await Promise.all([
      startDemoServer('small', { today: RUN_DAY, env: { CREDENCE_OUTBOX: OUTBOX } }),
      launch(),
    ]);
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
    rmSync(OUTBOX, { recursive: true, force: true });
  });

  const noSeriousViolations = async (what: string) => expect(await seriousViolations(page), what).toEqual([]);
  const rowIds = (table: string) =>
    page
      .locator(`[data-testid=${table}] tbody tr`)
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-letter')));

  it('previews the day’s run: the letters of the API’s dry run, the held ones explained, totals by level', async () => {
    const buyers = await s.get<{ buyers: { id: string; currency: string }[] }>('/buyers', s.tokens.manager);
    const b = buyers.buyers[0];
    if (b === undefined) throw new Error('no buyer in the demo');
    // Back history: recorded now, due before the last confirmed run (2026-06-30).
    const invoice = { number: 'LATE-1', buyerId: b.id, issueDate: '2026-04-01', dueDate: '2026-05-01' };
    const added = await s.post('/documents', { ...invoice, amount: '900.00', currency: b.currency }, s.tokens.manager);
    expect(added.status).toBe(201);
    dry = (await s.post('/dunning-runs', { dryRun: true }, s.tokens.collector)).json as DryRun;
    expect(dry.actions.length).toBeGreaterThan(0);
    expect(dry.firstRun?.confirmed).toBe(false);
    expect(dry.firstRun?.held.length).toBeGreaterThan(0);

    await page.goto(`${s.url}/dunning`);
    await page.getByLabel('API token').fill(s.tokens.collector);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dunning for Jul 7, 2026' }).waitFor();
    await page.locator('[data-testid=planned-letters] tbody tr').first().waitFor();
    expect((await rowIds('planned-letters')).sort()).toEqual(dry.actions.map((a) => a.letterId).sort());
    expect(await page.getByTestId('to-send').textContent()).toBe(String(dry.actions.length));
    expect(await page.getByTestId('held').textContent()).toBe(String(dry.firstRun?.held.length));
    await page.getByTestId('first-run').getByText('imported since the last confirmed run').waitFor();
    expect(await page.locator('[data-testid=first-run] li').count()).toBe(dry.firstRun?.held.length);
    const first = dry.actions[0];
    const row = page.locator(`[data-testid=planned-letters] tr[data-letter="${first?.letterId}"]`);
    expect(await row.textContent()).toContain(first?.buyerName);
    expect(await page.locator('table.level-totals tbody tr').count()).toBeGreaterThan(0);
    const nav = await page.getByRole('navigation').first().getByRole('link').allTextContents();
    expect(nav).toEqual(['Portfolio', 'Buyers', 'Worklist', 'Dunning', 'Cash forecast']);
    await noSeriousViolations('dunning preview');
  }, 180_000);

  it('opens a letter as HTML in a sandboxed frame and as PDF', async () => {
    const first = dry.actions[0];
    await page.locator(`[data-testid=planned-letters] tr[data-letter="${first?.letterId}"] button`).click();
    const frame = page.locator('iframe.letter-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page
      .frameLocator('iframe.letter-frame')
      .getByText(first?.buyerName ?? '?')
      .first()
      .waitFor();
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('format=pdf')),
      page.getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const link = page.getByTestId('letter-pdf');
    await link.waitFor();
    const blobUrl = await link.getAttribute('href');
    expect(blobUrl).toMatch(/^blob:/);
    const head = await page.evaluate(async (href) => {
      const blob = await (await fetch(href)).blob();
      return { type: blob.type, magic: await blob.slice(0, 5).text() };
    }, blobUrl ?? '');
    expect(head).toEqual({ type: 'application/pdf', magic: '%PDF-' });
    await noSeriousViolations('letter preview');
    // The screenshot: the day's run previewed, held letters explained, a letter open.
    await page.screenshot({ path: join(SHOTS, 'web-dunning.png'), fullPage: true });
    await page.getByRole('button', { name: 'Close' }).click();
  }, 180_000);

  it('runs live after a confirmation (the held letters confirmed too); the same date again records nothing new', async () => {
    const held = dry.firstRun?.held.length ?? 0;
    await page.getByRole('button', { name: 'Run dunning…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(`${dry.actions.length} letters will be recorded`).waitFor();
    await dialog.getByLabel(`Also send the ${held} held letters`).check();
    await dialog.getByText(`${dry.actions.length + held} letters will be recorded`).waitFor();
    await dialog.getByRole('button', { name: 'Record the letters' }).click();
    await page.getByTestId('recorded').waitFor();
    const n = dry.actions.length + held;
    expect(await page.getByTestId('recorded').textContent()).toBe(`${n} letters recorded for Jul 7, 2026.`);
    const api = await s.get<RunLetters>(`/dunning-runs/${RUN_DAY}`, s.tokens.collector);
    expect(api.letters).toHaveLength(n);
    await page
      .locator('[data-testid=recorded-letters] tbody tr')
      .nth(n - 1)
      .waitFor();
    expect((await rowIds('recorded-letters')).sort()).toEqual(api.letters.map((l) => l.letterId).sort());
    expect(await page.getByTestId('recorded-count').textContent()).toBe(String(n));
    await page.getByTestId('no-letters').waitFor();

    await page.getByRole('button', { name: 'Run dunning…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Record the letters' }).click();
    await page.getByTestId('nothing-new').waitFor();
    expect(await page.getByTestId('nothing-new').textContent()).toBe(
      'Nothing new recorded: every letter due on Jul 7, 2026 was already recorded.',
    );
    expect(await s.get<RunLetters>(`/dunning-runs/${RUN_DAY}`, s.tokens.collector)).toEqual(api);
  }, 180_000);

  it('starts the delivery, follows its job, and shows each delivery’s status as the API has it', async () => {
    await page.getByRole('button', { name: 'Start delivery' }).click();
    await page.getByTestId('job').waitFor();
    // Done, or waiting to retry what failed (an e-mail to a buyer without an address fails; it is printed too).
    await page
      .getByTestId('job')
      .filter({ hasText: /: done|: waiting to retry|: failed/ })
      .waitFor({ timeout: 60_000 });
    const api = await s.get<RunLetters>(`/dunning-runs/${RUN_DAY}`, s.tokens.collector);
    expect(api.deliveries.pending).toBe(0);
    expect(api.deliveries.written).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid=recorded-letters] li[data-status=pending]').count(), { timeout: 30_000 })
      .toBe(0);
    const shown = await page
      .locator('[data-testid=recorded-letters] li[data-status]')
      .evaluateAll((li) => li.map((x) => x.getAttribute('data-status')));
    const statuses = api.letters.flatMap((l) => l.deliveries.map((d) => d.status));
    expect(shown.sort()).toEqual(statuses.sort());
    // What was written is in the outbox directory the server was given.
    expect(readdirSync(OUTBOX, { recursive: true }).length).toBeGreaterThan(0);
    await noSeriousViolations('deliveries');
  }, 180_000);

  it('reads in zh-CN (headings, dates in Chinese form; axe passes); opens a recorded letter', async () => {
    await page.locator('select[name=lang]').selectOption('zh-CN');
    await page.getByRole('heading', { name: '2026年7月7日 催收函' }).waitFor();
    await page.getByRole('heading', { name: '已记录的函件及投递' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await noSeriousViolations('dunning zh-CN');
    await page.locator('select[name=lang]').selectOption('en');
    await page.getByRole('heading', { name: 'Dunning for Jul 7, 2026' }).waitFor();
    // A recorded letter as it was sent (GET /letters/{id}).
    const recorded = page.locator('[data-testid=recorded-letters] tbody tr button').first();
    const id = (await recorded.textContent()) ?? '?';
    await recorded.click();
    await page.frameLocator('iframe.letter-frame').getByText(id).first().waitFor();
  }, 180_000);
});
