import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePaymentHistory } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 17 items 4–5 and issue 18 item 7 through the binary: `wc set` / `wc import` / `report working-capital`,
// `simulate`, `report kpis --by`, each JSON in the documented shape, and bad input refused with exit code 2.
const tmp = tempDir('cash-position');
const db = join(tmp.dir, 'db');
const ledger = generatePaymentHistory(3, 6, 10);
const file = (name: string, text: string) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, text);
  return f;
};

beforeAll(async () => {
  const buyers = [...new Set(ledger.map((i) => i.buyerId))];
  const runs = [
    [
      'buyers',
      file(
        'b.csv',
        `buyer_id,name,country,currency,payment_terms_days,sales_owner,collector\n${buyers
          .map((b, i) => `${b},${b},DE,EUR,30,${i % 2 ? 'ann' : 'bo'},carl`)
          .join('\n')}\n`,
      ),
    ],
    [
      'invoices',
      file(
        'i.csv',
        `document_number,buyer_id,issue_date,due_date,amount,currency\n${ledger
          .map((i) => `${i.number},${i.buyerId},${i.issueDate},${i.dueDate},${i.amount}.00,EUR`)
          .join('\n')}\n`,
      ),
    ],
    [
      'payments',
      file(
        'p.csv',
        `payment_id,buyer_id,payment_date,amount,currency,document_number\n${ledger
          .map((i) => `P-${i.number},${i.buyerId},${i.settledDate},${i.amount}.00,EUR,${i.number}`)
          .join('\n')}\n`,
      ),
    ],
  ] as const;
  for (const [kind, f] of runs) {
    const r = await credence(['import', kind, f, '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe('working capital, simulator, KPIs per person', () => {
  it('wc set and wc import store months; report working-capital prints the ratios', async () => {
    const set = await credence([
      'wc',
      'set',
      '--month',
      '2022-06',
      '--currency',
      'EUR',
      '--cash',
      '120000.00',
      '--receivables',
      '310000.00',
      '--inventory',
      '180000.00',
      '--payables',
      '150000.00',
      '--other-current-assets',
      '10000.00',
      '--other-current-liabilities',
      '50000.00',
      '--sales',
      '250000.00',
      '--cost-of-sales',
      '175000.00',
      '--by',
      'fiona',
      '--db',
      db,
    ]);
    expect(set.err).toBe('');
    expect(set.out).toMatch(/2022-06 stored \(version 1\)/);
    const csv = file(
      'wc.csv',
      'month,currency,cash,inventory,payables,sales,cost_of_sales\n2022-07,EUR,90000.00,200000.00,140000.00,200000.00,150000.00\n',
    );
    const imp = await credence(['wc', 'import', csv, '--by', 'fiona', '--db', db]);
    expect(imp.err).toBe('');
    const r = await credence([
      'report',
      'working-capital',
      '--from',
      '2022-06',
      '--to',
      '2022-07',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.months.map((m: { month: string }) => m.month)).toEqual(['2022-06', '2022-07']);
    // June as docs/domain/working-capital.md's January, but 30 days: 310,000 / 250,000 × 30 = 37.2.
    expect(j.months[0]).toMatchObject({ currentRatio: '3.10', quickRatio: '2.20', cashRatio: '0.60', dso: '37.2' });
    expect(j.months[1].receivablesFrom).toBe('ledger');
    const bad = await credence([
      'wc',
      'set',
      '--month',
      '2022-13',
      '--currency',
      'EUR',
      '--cash',
      '1',
      '--inventory',
      '1',
      '--payables',
      '1',
      '--sales',
      '1',
      '--cost-of-sales',
      '1',
      '--by',
      'f',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
  });

  it('simulate prints base and scenario; the same seed the same figures', async () => {
    const scenario = file(
      's.json',
      JSON.stringify({
        seed: 5,
        terms: [{ segment: { buyers: ['B0', 'B1'] }, days: 10 }],
        dunning: { baseFirstDay: 15, firstDay: 5, response: '50%' },
      }),
    );
    const args = ['simulate', '--as-of', '2022-09-30', '--scenario', scenario, '--format', 'json', '--db', db];
    const a = await credence(args);
    expect(a.err).toBe('');
    const j = JSON.parse(a.out);
    expect(Object.keys(j)).toEqual([
      'asOf',
      'from',
      'currency',
      'seed',
      'base',
      'scenario',
      'difference',
      'weeks',
      'changed',
    ]);
    expect(j.scenario.dso).toBeLessThan(j.base.dso);
    expect(j.weeks).toHaveLength(13);
    expect((await credence(args)).out).toBe(a.out);
    const bad = await credence([
      'simulate',
      '--scenario',
      file('bad.json', '{"terms": [{"segment": {"tier": "red"}, "days": 5}]}'),
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/terms\.0\.segment\.tier/);
  });

  it('report kpis --by sales-owner gives each owner month by month', async () => {
    const r = await credence([
      'report',
      'kpis',
      '--by',
      'sales-owner',
      '--from',
      '2022-07-01',
      '--as-of',
      '2022-09-30',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.by).toBe('sales-owner');
    expect(j.people.map((p: { person: string }) => p.person)).toEqual(['ann', 'bo']);
    expect(j.people[0].months.map((m: { month: string }) => m.month)).toEqual(['2022-07', '2022-08', '2022-09']);
    const bad = await credence(['report', 'kpis', '--by', 'region', '--db', db]);
    expect(bad.code).toBe(2);
  });
});
