import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePaymentHistory } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 17 through the binary: `forecast cash` (13 ISO weeks with bands, the run kept), `forecast accuracy` on
// the weeks over, and `forecast cash --backtest`, each JSON as docs/domain/cash-forecast.md says.
const tmp = tempDir('forecast-cash');
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

describe('cash forecast commands', () => {
  it('forecast cash prints 13 weeks then 3 months, low ≤ mid ≤ high, and keeps the run', async () => {
    const r = await credence(['forecast', 'cash', '--as-of', '2022-06-30', '--format', 'json', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      asOf: string;
      currency: string;
      method: string;
      stored: number;
      weeks: { label: string; start: string; low: string; mid: string; high: string; sources: object }[];
      months: { label: string }[];
      expected: string;
    };
    expect(Object.keys(j)).toEqual(['asOf', 'currency', 'method', 'stored', 'weeks', 'months', 'beyond', 'expected']);
    expect(j).toMatchObject({ asOf: '2022-06-30', currency: 'EUR', method: 'baseline', stored: 1 });
    expect(j.weeks).toHaveLength(13);
    expect(j.weeks[0]).toMatchObject({ label: '2022-W26', start: '2022-06-27' });
    expect(j.months.map((m) => m.label)).toEqual(['2022-09', '2022-10', '2022-11']);
    for (const w of j.weeks) {
      expect(Number(w.low)).toBeLessThanOrEqual(Number(w.mid));
      expect(Number(w.mid)).toBeLessThanOrEqual(Number(w.high));
    }
    expect(Number(j.expected)).toBeGreaterThan(0);
  });

  it('forecast accuracy scores the kept run against the payments of the weeks over', async () => {
    const r = await credence(['forecast', 'accuracy', '--as-of', '2022-08-01', '--format', 'json', '--db', db]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { weeks: { label: string; forecastAsOf: string; actual: string }[]; wape: number };
    expect(j.weeks.map((w) => w.label)).toEqual(['2022-W26', '2022-W27', '2022-W28', '2022-W29', '2022-W30']);
    expect(j.weeks.every((w) => w.forecastAsOf === '2022-06-30')).toBe(true);
    expect(j.weeks.some((w) => Number(w.actual) > 0)).toBe(true);
    expect(typeof j.wape).toBe('number');
  });

  it('forecast cash --backtest reports the accuracy per week ahead; bad input exits 2', async () => {
    const r = await credence([
      'forecast',
      'cash',
      '--backtest',
      '--from',
      '2022-04-04',
      '--to',
      '2022-06-27',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { runs: number; horizons: { week: number; scored: number }[] };
    expect(j.runs).toBe(13);
    expect(j.horizons.map((h) => h.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(j.horizons.every((h) => h.scored === 13)).toBe(true);
    const bad = await credence(['forecast', 'cash', '--backtest', '--from', '2022-04-04', '--db', db]);
    expect(bad.code).toBe(2);
    const by = await credence(['forecast', 'cash', '--by', 'country', '--db', db]);
    expect(by.code).toBe(2);
  });
});
