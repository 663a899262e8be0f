import { describe, expect, it } from 'vitest';
import { addDays, type BusinessDate, date } from '../calendar/date';
import type { OpenItem } from '../ledger/open-items';
import type { CurrencyCode } from '../money/currency';
import { ageOpenItems, agingReports, bucketCells, daysOverdue } from './aging';
import { type BucketSet, bucketSet, parseBuckets } from './buckets';

const EUR = 'EUR' as CurrencyCode;
const USD = 'USD' as CurrencyCode;
const must = (r: ReturnType<typeof bucketSet>): BucketSet => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};
const DEFAULT = must(bucketSet());

let n = 0;
const open = (dueDate: BusinessDate, amount: bigint, currency = EUR, buyerId = 'B1'): OpenItem => ({
  buyerId,
  number: `D-${++n}`,
  type: amount < 0n ? 'credit_note' : 'invoice',
  issueDate: addDays(dueDate, -30),
  dueDate,
  currency,
  open: amount,
});

describe('daysOverdue', () => {
  it.each([
    ['2024-03-31', '2024-03-31', 0],
    ['2024-03-31', '2024-04-01', 1],
    ['2024-04-01', '2024-03-31', -1],
    ['2024-02-29', '2024-03-30', 30],
    ['2024-02-29', '2024-03-31', 31],
    ['2024-02-29', '2025-02-28', 365],
    ['2024-02-29', '2025-03-01', 366],
    ['2023-02-28', '2023-03-31', 31],
  ])('due %s, as of %s: %i', (due, asOf, days) => {
    expect(daysOverdue(date(due), date(asOf))).toBe(days);
  });
});

describe('ageOpenItems', () => {
  const asOf = date('2024-03-31');
  const at = (days: number) => addDays(asOf, -days); // a due date that is `days` overdue as of asOf

  it('puts each boundary day in the right bucket', () => {
    const items = [0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366].map((d, i) => open(at(d), BigInt(10 ** i)));
    const [report] = ageOpenItems(items, asOf, DEFAULT);
    expect(report?.buckets).toEqual([
      { label: 'not_due', amount: 1n, count: 1 },
      { label: '1-30', amount: 110n, count: 2 },
      { label: '31-60', amount: 11_000n, count: 2 },
      { label: '61-90', amount: 1_100_000n, count: 2 },
      { label: '91-180', amount: 110_000_000n, count: 2 },
      { label: '181-365', amount: 11_000_000_000n, count: 2 },
      { label: '365+', amount: 100_000_000_000n, count: 1 },
    ]);
    expect(report?.total).toBe(111_111_111_111n);
    expect(report?.count).toBe(12);
  });

  it('a 29 February due date ages across the leap day', () => {
    // Due 2024-02-29: 30 days overdue on 2024-03-30, 31 on 2024-03-31; 365 days on 2025-02-28, 366 on 2025-03-01.
    const item = open(date('2024-02-29'), 500n);
    const label = (d: string) => ageOpenItems([item], date(d), DEFAULT)[0]?.buckets.find((b) => b.count === 1)?.label;
    expect(label('2024-02-29')).toBe('not_due');
    expect(label('2024-03-01')).toBe('1-30');
    expect(label('2024-03-30')).toBe('1-30');
    expect(label('2024-03-31')).toBe('31-60');
    expect(label('2025-02-28')).toBe('181-365');
    expect(label('2025-03-01')).toBe('365+');
  });

  it('credit notes count negative in the bucket of their due date', () => {
    const [report] = ageOpenItems([open(at(10), 1000n), open(at(5), -300n), open(at(-5), 200n)], asOf, DEFAULT);
    expect(report?.buckets.slice(0, 2)).toEqual([
      { label: 'not_due', amount: 200n, count: 1 },
      { label: '1-30', amount: 700n, count: 2 },
    ]);
    expect(report?.total).toBe(900n);
  });

  it('custom buckets 30,60,90', () => {
    const set = must(parseBuckets('30,60,90'));
    const [report] = ageOpenItems([open(at(90), 1n), open(at(91), 2n), open(at(400), 4n)], asOf, set);
    expect(report?.buckets).toEqual([
      { label: 'not_due', amount: 0n, count: 0 },
      { label: '1-30', amount: 0n, count: 0 },
      { label: '31-60', amount: 0n, count: 0 },
      { label: '61-90', amount: 1n, count: 1 },
      { label: '90+', amount: 6n, count: 2 },
    ]);
  });

  it('one report per currency, sorted, never summed across currencies', () => {
    const reports = ageOpenItems([open(at(1), 5n, USD), open(at(1), 7n, EUR), open(at(40), 9n, USD)], asOf, DEFAULT);
    expect(reports.map((r) => [r.currency, r.total, r.count])).toEqual([
      ['EUR', 7n, 1],
      ['USD', 14n, 2],
    ]);
    expect(reports.every((r) => r.asOf === asOf && r.buyerId === undefined)).toBe(true);
  });

  it('by buyer: one report per (currency, buyer), sorted by buyer', () => {
    const reports = ageOpenItems(
      [open(at(1), 5n, EUR, 'B2'), open(at(1), 7n, EUR, 'B1'), open(at(40), 9n, EUR, 'B2'), open(at(0), 1n, USD, 'B1')],
      asOf,
      DEFAULT,
      true,
    );
    expect(reports.map((r) => [r.currency, r.buyerId, r.total])).toEqual([
      ['EUR', 'B1', 7n],
      ['EUR', 'B2', 14n],
      ['USD', 'B1', 1n],
    ]);
  });

  it('no open items, no reports', () => {
    expect(ageOpenItems([], asOf, DEFAULT)).toEqual([]);
  });

  it('agingReports merges cells a store returns split', () => {
    const cells = bucketCells([open(at(3), 10n), open(at(4), 20n)], asOf, DEFAULT);
    expect(cells).toEqual([{ currency: 'EUR', bucket: 1, amount: 30n, count: 2 }]);
    const [report] = agingReports([...cells, { currency: EUR, bucket: 1, amount: 5n, count: 1 }], asOf, DEFAULT);
    expect(report?.buckets[1]).toEqual({ label: '1-30', amount: 35n, count: 3 });
  });
});
