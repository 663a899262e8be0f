import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePaymentHistory } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 17 through the binary: the invoice import's yes/no columns, `forecast train`, `forecast backtest`
// and `report ecl`, each JSON in exactly the documented shape.
const tmp = tempDir('forecast');
const db = join(tmp.dir, 'db');
const ledger = generatePaymentHistory(5, 8, 12);
const file = (name: string, lines: string[]) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
};

beforeAll(async () => {
  const buyers = [...new Set(ledger.map((i) => i.buyerId))];
  const runs = [
    [
      'buyers',
      file('b.csv', ['buyer_id,name,country,currency,payment_terms_days', ...buyers.map((b) => `${b},${b},DE,EUR,30`)]),
    ],
    [
      'invoices',
      file('i.csv', [
        'document_number,buyer_id,issue_date,due_date,amount,currency,disputed,paperless',
        ...ledger.map(
          (i) =>
            `${i.number},${i.buyerId},${i.issueDate},${i.dueDate},${i.amount}.00,EUR,${i.disputed ? 'yes' : 'no'},${i.paperless ? 'yes' : 'no'}`,
        ),
      ]),
    ],
    [
      'payments',
      file('p.csv', [
        'payment_id,buyer_id,payment_date,amount,currency,document_number',
        ...ledger.map((i) => `P-${i.number},${i.buyerId},${i.settledDate},${i.amount}.00,EUR,${i.number}`),
      ]),
    ],
  ] as const;
  for (const [kind, f] of runs) {
    const r = await credence(['import', kind, f, '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  }
}, 120_000);
afterAll(() => tmp.cleanup());

describe('forecast and ecl commands', () => {
  it('forecast train stores a model; backtest prints exactly the documented JSON', async () => {
    const t = await credence(['forecast', 'train', '--until', '2022-08-31', '--by', 'fiona', '--db', db]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/model 1 trained on \d+ paid invoices as of 2022-08-31/);
    const r = await credence([
      'forecast',
      'backtest',
      '--train-until',
      '2022-08-31',
      '--to',
      '2022-11-30',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['trainedUntil', 'invoices', 'rmseDays', 'lateAccuracy']);
    expect(j.trainedUntil).toBe('2022-08-31');
    expect(j.invoices.length).toBe(
      ledger.filter((i) => i.issueDate > '2022-08-31' && i.issueDate <= '2022-11-30').length,
    );
    expect(Object.keys(j.invoices[0])).toEqual(['number', 'issueDate', 'dueDate', 'predictedPayDate', 'actualPayDate']);
    expect(j.rmseDays).toBeGreaterThan(0);
    expect(j.lateAccuracy).toBeGreaterThan(0.5);
    const bad = await credence([
      'forecast',
      'backtest',
      '--train-until',
      '2022-08-31',
      '--to',
      '2022-01-01',
      '--db',
      db,
    ]);
    expect(bad.code).not.toBe(0);
  });

  it('report ecl with a rates file prints exactly the documented JSON', async () => {
    const rates = file('rates.json', [
      JSON.stringify({ rates: { not_due: '0.3%', '1-30': '1.6%', '31-60': '3.6%', '61-90': '6.6%', '90+': '10.6%' } }),
    ]);
    const r = await credence([
      'report',
      'ecl',
      '--as-of',
      '2022-06-30',
      '--rates',
      rates,
      '--compare',
      '2022-03-31',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(Object.keys(j).slice(0, 4)).toEqual(['asOf', 'currency', 'buckets', 'total']);
    expect(j.currency).toBe('EUR');
    expect(j.buckets.map((b: { label: string }) => b.label)).toEqual(['not_due', '1-30', '31-60', '61-90', '90+']);
    expect(Object.keys(j.buckets[0])).toEqual(['label', 'exposure', 'lossRate', 'provision']);
    expect(j.buckets[0].lossRate).toBe('0.3%');
    expect(j.compare.asOf).toBe('2022-03-31');
    expect(j.movement).toMatch(/^-?\d+\.\d{2}$/);
    const broken = file('broken.json', ['{"rates": {"not_due": "lots"}}']);
    const e = await credence(['report', 'ecl', '--as-of', '2022-06-30', '--rates', broken, '--db', db]);
    expect(e.code).toBe(2);
  });

  it('report ecl --by: a matrix per segment, its own factor from the rates file, the sums on top', async () => {
    const rates = file('segments.json', [
      JSON.stringify({
        rates: { not_due: '0.3%', '1-30': '1.6%', '31-60': '3.6%', '61-90': '6.6%', '90+': '10.6%' },
        segments: { DE: { factor: '1.5' } },
      }),
    ]);
    const args = ['report', 'ecl', '--as-of', '2022-06-30', '--rates', rates, '--db', db];
    const plain = JSON.parse(
      (
        await credence([
          ...args.slice(0, 4),
          '--rates',
          file('plain.json', [
            JSON.stringify({
              rates: { not_due: '0.3%', '1-30': '1.6%', '31-60': '3.6%', '61-90': '6.6%', '90+': '10.6%' },
            }),
          ]),
          '--format',
          'json',
          '--db',
          db,
        ])
      ).out,
    );
    const r = await credence([...args, '--by', 'country', '--format', 'json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    // Every buyer is in DE: one segment, at 1.5 × the rates; the portfolio is that segment.
    expect(j.segments.map((x: { segment: string; factor: string }) => [x.segment, x.factor])).toEqual([['DE', '1.5']]);
    expect(j.segments[0].total).toBe(j.total);
    const cents = (x: string) => BigInt(x.replace('.', ''));
    expect(cents(j.total)).toBeGreaterThan(cents(plain.total));
    expect(j.buckets.map((b: { exposure: string }) => b.exposure)).toEqual(
      plain.buckets.map((b: { exposure: string }) => b.exposure),
    );
    // Segments without --by, and an unknown --by, are usage errors (exit 2).
    expect((await credence(args)).code).toBe(2);
    expect((await credence([...args, '--by', 'planet'])).code).toBe(2);
    const table = await credence([...args, '--by', 'country']);
    expect(table.out).toContain('Segment');
    expect(table.out).toContain('1.5');
  });
});
